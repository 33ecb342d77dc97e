import ServiceLifecycle

extension QueueLabRuntime {
    /// Runs the runtime, calls `body` once every endpoint listens (and provisioned environments are
    /// warm), then shuts it down gracefully and returns what `body` returned. A start-up failure
    /// (a bad manifest value, a port in use, a handler the host rejects) is thrown.
    public func withRunning<T: Sendable>(_ body: @Sendable (RuntimeEndpoints) async throws -> T) async throws -> T {
        let (sqsEndpoints, sqsContinuation) = AsyncStream.makeStream(of: String.self)
        let (crmMockEndpoints, crmMockContinuation) = AsyncStream.makeStream(of: CRMMockEndpoint.self)
        let (lambdaEndpoints, lambdaContinuation) = AsyncStream.makeStream(of: LambdaEndpoint.self)
        let (httpEndpoints, httpContinuation) = AsyncStream.makeStream(of: HTTPAPIEndpoint.self)
        let (metricsEndpoints, metricsContinuation) = AsyncStream.makeStream(of: String.self)
        let group = try serviceGroup(
            deployed: try await deploy(), onSQSListening: { sqsContinuation.yield($0) },
            onCRMMockListening: { crmMockContinuation.yield($0) }, onLambdaListening: { lambdaContinuation.yield($0) },
            onHTTPListening: { httpContinuation.yield($0) }, onMetricsListening: { metricsContinuation.yield($0) })
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                defer {
                    sqsContinuation.finish()
                    crmMockContinuation.finish()
                    lambdaContinuation.finish()
                    httpContinuation.finish()
                    metricsContinuation.finish()
                }
                try await group.run()
                return nil
            }
            var sqsIterator = sqsEndpoints.makeAsyncIterator()
            var lambdaIterator = lambdaEndpoints.makeAsyncIterator()
            guard let sqs = await sqsIterator.next(), let lambda = await lambdaIterator.next() else {
                // The group ended before both endpoints listened: surface its error.
                while try await tasks.next() != nil {}
                throw QueueLabRuntimeError.stoppedBeforeListening
            }
            // Listening before the functions start, which wait for its URL.
            var crmMockIterator = crmMockEndpoints.makeAsyncIterator()
            let crmMock = configuration.crmMock == nil ? nil : await crmMockIterator.next()
            if configuration.crmMock != nil, crmMock == nil {
                while try await tasks.next() != nil {}
                throw QueueLabRuntimeError.stoppedBeforeListening
            }
            var httpIterator = httpEndpoints.makeAsyncIterator()
            let http = servesHTTPAPI ? await httpIterator.next() : nil
            if servesHTTPAPI, http == nil {
                while try await tasks.next() != nil {}
                throw QueueLabRuntimeError.stoppedBeforeListening
            }
            var metricsIterator = metricsEndpoints.makeAsyncIterator()
            let metrics = configuration.metricsPort == nil ? nil : await metricsIterator.next()
            if configuration.metricsPort != nil, metrics == nil {
                while try await tasks.next() != nil {}
                throw QueueLabRuntimeError.stoppedBeforeListening
            }
            do {
                let result = try await body(RuntimeEndpoints(sqs: sqs, lambda: lambda, metrics: metrics, http: http, crmMock: crmMock))
                await group.triggerGracefulShutdown()
                while try await tasks.next() != nil {}
                return result
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
