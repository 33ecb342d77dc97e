import Foundation

extension SyncWorker {
    /// FETCH_PERSON_PAGE: fetches the page, fans the sync out from page 0 (see `SyncPlanner`), and
    /// sends the page's persons on as a PROCESS_PERSON_BATCH, or processes them at once when the
    /// CRM cannot read persons by id.
    func fetch(_ event: FetchPersonPage) async throws {
        let isFirst = event.page == 0 && !event.chained
        if isFirst { try await processes.startFetchingTotal(event.processId) }
        let page = try await integration.fetchPersonPage(PageRequest(event))
        let plan = SyncPlanner.afterFetching(event, total: page.total, hasMore: page.hasMore, nextCursor: page.nextCursor)
        if isFirst {
            let fanOut = try await processes.recordTotal(event.processId, totalRecords: plan.totalRecords, totalPages: plan.totalPages)
            if fanOut == .queuePages {
                try await queue.send(plan.pagesToQueue.map(SyncEvent.fetchPersonPage))
                try await complete(event.processId, after: try await processes.finishQueuing(event.processId))
            }
        } else {
            try await queue.send(plan.pagesToQueue.map(SyncEvent.fetchPersonPage))
            if let totalPages = plan.totalPages {
                try await complete(event.processId, after: try await processes.recordPageCount(event.processId, totalPages: totalPages))
            }
        }
        if Integration.fetchesPersonsByIds, !page.persons.isEmpty {
            try await queue.send([.processPersonBatch(ProcessPersonBatch(
                processId: event.processId, personObjectType: event.personObjectType, crmPersonIds: page.persons.map(\.crmId),
                page: event.page))])
        } else {
            try await record(page.persons, requested: nil, page: event.page, of: event.processId, objectType: event.personObjectType)
        }
    }

    /// PROCESS_PERSON_BATCH: reads the persons by id and processes them. A batch of persons that
    /// failed before is only tried again (see `ProcessPersonBatch.retryOfFailed`).
    func process(_ batch: ProcessPersonBatch) async throws {
        let persons = try await integration.fetchPersonsByIds(batch.crmPersonIds, objectType: batch.personObjectType)
        if batch.retryOfFailed {
            try await retry(persons, batch)
        } else {
            try await record(persons, requested: batch.crmPersonIds, page: batch.page, of: batch.processId, objectType: batch.personObjectType)
        }
    }

    /// Transforms and upserts one page's persons, adds the page to its Process once, completes the
    /// Process if this was its last page, and queues each person that failed on its own (when the
    /// CRM can read persons by id), so that a poison record fails its own message until SQS
    /// dead-letters it with its history.
    /// - Parameter requested: the ids asked for; those the CRM no longer has count as failed.
    private func record(_ persons: [Integration.Person], requested: [String]?, page: Int, of processId: String, objectType: String)
        async throws
    {
        let (contacts, failures) = await integration.transformPersons(persons)
        let upserts = try await quo.upsert(contacts)
        let timestamp = now()
        var errors = failures.map { ProcessErrorEntry($0, page: page, timestamp: timestamp) }
        for upsert in upserts where upsert.status == .rejected {
            errors.append(ProcessErrorEntry(
                personId: upsert.externalId, page: page, message: "Quo rejected the contact: \(upsert.error ?? "no reason given")",
                timestamp: timestamp))
        }
        let found = Set(persons.map(\.crmId))
        for id in requested ?? [] where !found.contains(id) {
            errors.append(ProcessErrorEntry(personId: id, page: page, message: "\(Integration.name) no longer has this person", timestamp: timestamp))
        }
        let synced = upserts.count { $0.status != .rejected }
        let decision = try await processes.recordPage(processId, PageOutcome(page: page, synced: synced, failed: errors.count, errors: errors))
        // A CRM that cannot read persons by id cannot retry one alone; its failures are only counted.
        if decision != .duplicatePage, Integration.fetchesPersonsByIds {
            let failedIds = errors.compactMap(\.personId).filter(found.contains)
            try await queue.send(failedIds.map { id in
                .processPersonBatch(ProcessPersonBatch(
                    processId: processId, personObjectType: objectType, crmPersonIds: [id], page: page, retryOfFailed: true))
            })
        }
        try await complete(processId, after: decision)
    }

    /// Persons that failed in their page, tried again on each receive: those that now transform
    /// and upsert are synced (their Process's results keep what its sync saw); any failure fails
    /// the message again, with the reason.
    private func retry(_ persons: [Integration.Person], _ batch: ProcessPersonBatch) async throws {
        let (contacts, failures) = await integration.transformPersons(persons)
        let rejected = try await quo.upsert(contacts).filter { $0.status == .rejected }
        var reasons = failures.map(\.description)
        reasons += rejected.map { "Quo rejected person \($0.externalId ?? "?"): \($0.error ?? "no reason given")" }
        let missing = Set(batch.crmPersonIds).subtracting(persons.map(\.crmId))
        reasons += missing.sorted().map { "\(Integration.name) no longer has person \($0)" }
        guard reasons.isEmpty else { throw PersonRetryError(reasons: reasons) }
        log("RECOVERED \(batch.crmPersonIds.joined(separator: ", ")) of \(batch.processId)")
    }
}

/// Persons that failed again when retried alone: the message fails, so SQS keeps its history.
public struct PersonRetryError: Error, CustomStringConvertible {
    public var reasons: [String]

    public var description: String { reasons.joined(separator: "; ") }
}
