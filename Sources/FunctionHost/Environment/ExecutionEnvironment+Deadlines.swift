extension ExecutionEnvironment {
    /// The environment's one deadline watcher, a child of `run()` for the process's lifetime:
    /// kills the process when the running invocation outlives the function's timeout.
    func watchDeadlines() async {
        while true {
            switch deadlines.next(now: .now) {
            case .sleep(let instant):
                // Cancelled only after `stopWatchingDeadlines()`, which the next step reports.
                try? await Task.sleep(until: instant, clock: .continuous)
            case .park:
                await withCheckedContinuation { parkedWatcher = $0 }
            case .expire(let requestID):
                perform(machine.deadlineReached(requestID: requestID, timeoutSeconds: settings.function.timeout))
            case .stop:
                return
            }
        }
    }

    /// Starts the timeout of an invocation that was just delivered.
    func armDeadline(requestID: String, startedAt: ContinuousClock.Instant) {
        deadlines.arm(requestID: requestID, deadline: startedAt + .milliseconds(Int64(settings.function.timeout * 1000)))
        wakeWatcher()
    }

    /// Ends the watcher once the process is gone.
    func stopWatchingDeadlines() {
        deadlines.stop()
        wakeWatcher()
    }

    private func wakeWatcher() {
        parkedWatcher?.resume()
        parkedWatcher = nil
    }
}
