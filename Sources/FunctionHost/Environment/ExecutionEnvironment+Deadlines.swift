extension ExecutionEnvironment {
    /// The environment's one deadline watcher, a child of `run()` for the process's lifetime:
    /// kills the process when the running invocation outlives the function's timeout.
    func watchDeadlines() async {
        while true {
            switch deadlines.next(now: .now) {
            case .sleep(let instant):
                // Cancellation means the environment is being torn down (and its process with
                // it): stop watching instead of spinning on a sleep that returns at once.
                do { try await Task.sleep(until: instant, clock: .continuous) } catch { return }
            case .park:
                await withCheckedContinuation { parkedWatcher = $0 }
            case .expire(let requestID):
                perform(machine.deadlineReached(requestID: requestID, timeoutSeconds: settings.function.timeout))
            case .stop:
                return
            }
        }
    }

    /// Stops the first process's init when it outlives its limit (a retried init runs on the
    /// invocation's timeout instead); a child of `run()`, cancelled with it.
    func watchInitialisation() async {
        let limit = settings.initLimits.limit(for: kind, functionTimeout: settings.function.timeout)
        do { try await Task.sleep(until: launchedAt + limit, clock: .continuous) } catch { return }
        perform(machine.initDeadlineReached(after: limit))
    }

    /// Starts the timeout of an invocation that has just started.
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
