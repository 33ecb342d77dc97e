import Foundation
import GRDB

extension QueueStore {
    /// Opens a state file that `queuelab start` has already created and brought up to date, without
    /// creating or migrating anything; a runtime may be using it at the same time.
    /// - Parameters:
    ///   - requiringRun: also refuse a file on which no run was ever recorded.
    ///   - readOnly: write nothing at all, not even when opening (see `init(path:accountId:clock:readOnly:)`).
    public static func existing(
        at path: String, accountId: String = "000000000000", requiringRun: Bool = true, readOnly: Bool = false
    ) throws(StateFileError) -> QueueStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StateFileError(.stateFileNotFound, path: path) }
        let completed: Bool
        let hasRun: Bool
        do {
            let queue = try DatabaseQueue(path: path, configuration: Self.inspectionConfiguration)
            (completed, hasRun) = try queue.read { db in
                let applied = try migrator.appliedIdentifiers(db)
                guard !applied.isEmpty else { throw StateFileError(.notAStateFile, path: path) }
                let completed = try migrator.hasCompletedMigrations(db)
                let hasRun = completed ? try RunRecord.fetchCount(db) > 0 : false
                return (completed, hasRun)
            }
            try queue.close()
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError(.notAStateFile, path: path)
        }
        guard completed else { throw StateFileError(.stateFileOutdated, path: path) }
        if requiringRun && !hasRun { throw StateFileError(.noRunRecorded, path: path) }
        do {
            return try QueueStore(path: path, accountId: accountId, clock: SystemQueueClock(), readOnly: readOnly)
        } catch {
            throw StateFileError(.notAStateFile, path: path)
        }
    }

    private static var inspectionConfiguration: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return configuration
    }
}
