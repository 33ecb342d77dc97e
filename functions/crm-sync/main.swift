import Foundation
import LambdaHandler

let function = LambdaRuntime.initialise { try CRMSyncFunction(variables: ProcessInfo.processInfo.environment) }
await LambdaRuntime.runBytes { payload, context in try await function.handle(payload, context) }
