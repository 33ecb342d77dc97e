#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
@preconcurrency import Glibc

/// The Runtime API loop a Swift handler executable runs:
///
///     LambdaRuntime.run { (event: SQSEvent, context) in
///         SQSBatchResponse(batchItemFailures: [])
///     }
public enum LambdaRuntime {
    /// Decodes each event as `Event`, calls `handler`, and posts its encoded output; a thrown
    /// error is posted as the invocation's error. Never returns.
    public static func run<Event: Decodable, Output: Encodable>(
        _ handler: (Event, LambdaContext) throws -> Output
    ) -> Never {
        runBytes { payload, context in try encode(handler(decode(payload), context)) }
    }

    /// The loop on raw payload bytes, for handlers that do their own (or no) decoding.
    public static func runBytes(_ handler: ([UInt8], LambdaContext) throws -> [UInt8]) -> Never {
        let client = connect()
        while true {
            let invocation = nextInvocation(client)
            do {
                finish(client, invocation, .success(try handler(invocation.payload, invocation.context)))
            } catch {
                finish(client, invocation, .failure(LambdaError(describing: error)))
            }
        }
    }

    /// The loop for an asynchronous handler on raw payload bytes. Invocations still come one at a
    /// time, as Lambda gives them to an execution environment.
    public static func runBytes(_ handler: ([UInt8], LambdaContext) async throws -> [UInt8]) async -> Never {
        let client = connect()
        while true {
            let invocation = nextInvocation(client)
            do {
                finish(client, invocation, .success(try await handler(invocation.payload, invocation.context)))
            } catch {
                finish(client, invocation, .failure(LambdaError(describing: error)))
            }
        }
    }

    /// Runs a handler's set-up code; if it throws, reports an init error to the host and exits,
    /// as Lambda's runtimes do when a function fails to initialise.
    public static func initialise<Value>(_ body: () throws -> Value) -> Value {
        do {
            return try body()
        } catch {
            let client = connect()
            try? client.reportInitError(LambdaError(describing: error))
            exit(1)
        }
    }

    private static func connect() -> RuntimeAPIClient {
        // Lines must reach the host's log as they are printed, not when a pipe buffer fills.
        setvbuf(stdout, nil, _IOLBF, 0)
        guard let endpoint = environment("AWS_LAMBDA_RUNTIME_API") else {
            fatal("AWS_LAMBDA_RUNTIME_API is not set; run this executable as a Lambda function")
        }
        do {
            return try RuntimeAPIClient(
                endpoint: endpoint,
                functionName: environment("AWS_LAMBDA_FUNCTION_NAME") ?? "",
                memoryLimitMB: Int(environment("AWS_LAMBDA_FUNCTION_MEMORY_SIZE") ?? "") ?? 0
            )
        } catch {
            fatal("invalid AWS_LAMBDA_RUNTIME_API: \(error)")
        }
    }

    private static func nextInvocation(_ client: RuntimeAPIClient) -> RuntimeAPIClient.Invocation {
        do {
            return try client.next()
        } catch {
            fatal("Runtime API unreachable: \(error)")
        }
    }

    private static func finish(
        _ client: RuntimeAPIClient, _ invocation: RuntimeAPIClient.Invocation, _ result: Result<[UInt8], LambdaError>
    ) {
        let requestID = invocation.context.requestID
        do {
            switch result {
            case .success(let payload): try client.respond(requestID: requestID, payload: payload)
            case .failure(let error): try client.reportError(requestID: requestID, error)
            }
        } catch {
            fatal("Runtime API unreachable: \(error)")
        }
    }

    private static func decode<Event: Decodable>(_ payload: [UInt8]) throws -> Event {
        do {
            return try JSONDecoder().decode(Event.self, from: Data(payload))
        } catch {
            throw LambdaError(errorType: "Runtime.UnmarshalError", errorMessage: "Unable to unmarshal input: \(error)")
        }
    }

    private static func encode<Output: Encodable>(_ output: Output) throws -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(output))
        } catch {
            throw LambdaError(errorType: "Runtime.MarshalError", errorMessage: "Unable to marshal response: \(error)")
        }
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private static func fatal(_ message: String) -> Never {
        fputs("LambdaHandler: \(message)\n", stderr)
        exit(1)
    }
}
