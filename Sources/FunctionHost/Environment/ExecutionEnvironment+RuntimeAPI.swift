import Foundation

/// What the environment's Runtime API listener asks of it.
extension ExecutionEnvironment {
    func nextInvocation() async -> Invocation? {
        await withCheckedContinuation { poll in perform(machine.nextRequested(poll)) }
    }

    func postResponse(requestID: String, payload: [UInt8]) -> Machine.Rejection? {
        let isJSON = payload.isEmpty || (try? JSONSerialization.jsonObject(with: Data(payload), options: .fragmentsAllowed)) != nil
        return postResult(requestID: requestID, isJSON ? .response(payload) : .invalidResponse)
    }

    func postError(requestID: String, body: [UInt8]) -> Machine.Rejection? {
        postResult(requestID: requestID, .functionError(body: body))
    }

    func postInitError(body: [UInt8]) -> Machine.Rejection? {
        drainOutput()
        switch machine.initErrorPosted(body: body) {
        case .success(let actions):
            perform(actions)
            return nil
        case .failure(let rejection):
            return rejection
        }
    }

    private func postResult(requestID: String, _ end: InvocationEnd) -> Machine.Rejection? {
        drainOutput()
        switch machine.resultPosted(requestID: requestID, end) {
        case .success(let actions):
            perform(actions)
            return nil
        case .failure(let rejection):
            return rejection
        }
    }
}
