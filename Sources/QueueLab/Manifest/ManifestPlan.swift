import Foundation
import FunctionHost
import StrictJSON

/// Everything `queuelab start` creates from a manifest, resolved and checked before anything
/// starts: queues, functions, event source mappings, asynchronous invocation settings and the
/// routes of `httpApi` and `http` events.
///
/// The manifest is a Serverless Framework serverless.json, or a CloudFormation template such as
/// `queuelab generate --format cloudformation` writes. Loading parses it strictly (errors have a
/// line and column), resolves Serverless variables, evaluates CloudFormation intrinsics where
/// QueueLab uses them, and checks every value; errors name the file, the dotted key and what is
/// allowed. Unused parts (IAM roles, other events, outputs) are neither resolved nor evaluated.
///
/// Names: functions are named by their key under `functions`, or in a template by `FunctionName`,
/// else `<Name>LambdaFunction` → `name`, else the logical ID. A queue without `QueueName` is
/// `<stackName>-<LogicalId>` (80 characters at most, `.fifo` kept); the stack name is
/// `<service>-<stage>`, or a template's file name without extension. ARNs use the runtime's
/// account and region (as the SQS endpoint does); queue URLs wait for the endpoint's address.
public struct ManifestPlan: Sendable {
    public enum Format: Sendable, Equatable {
        case serverless
        case cloudFormation
    }

    /// The manifest as the user named it; errors start with it.
    public let file: String
    public let format: Format
    /// `AWS::StackName`.
    public let stackName: String
    /// Every `AWS::SQS::Queue`, a dead-letter queue before the queues that name it.
    public let queues: [QueueDeclaration]
    /// Sorted by name.
    public let functions: [FunctionDeclaration]
    /// `sqs` events in function and event order, then `AWS::Lambda::EventSourceMapping`s by logical ID.
    public let mappings: [MappingDeclaration]
    /// Functions with asynchronous invocation settings, sorted by name.
    public let asyncInvokes: [AsyncInvokeDeclaration]
    /// `httpApi` and `http` events, in function and event order.
    public let httpRoutes: [HTTPRouteDeclaration]

    /// The Serverless Framework's defaults when neither the function nor `provider` sets a value.
    public static let defaultTimeout = 6
    public static let defaultMemorySize = 1024

    /// Reads and settles the manifest at `file` (a path as the user wrote it). `stage` is the one
    /// asked for at start (`${opt:stage}`); `environment` is what `${env:…}` reads.
    public static func load(
        file: String, accountId: String, region: String, stage: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ManifestLoadError) -> ManifestPlan {
        guard FileManager.default.fileExists(atPath: file) else { throw .fileNotFound(file: file) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw .unreadable(file: file, detail: error.localizedDescription)
        }
        return try ManifestPlan(
            contents: Array(data), file: file, accountId: accountId, region: region, stage: stage, environment: environment)
    }

    /// Settles a manifest's `contents` as if read from `file`, whose folder holds the functions' code.
    public init(
        contents: [UInt8], file: String, accountId: String, region: String, stage: String?, environment: [String: String]
    ) throws(ManifestLoadError) {
        let document: JSONValue
        do {
            document = try JSONParser.parse(contents)
        } catch {
            throw .malformedJSON(file: file, detail: error.description)
        }
        let target = ManifestTarget(accountId: accountId, region: region, stage: stage, environment: environment)
        var builder = try PlanBuilder(document: document, file: file, target: target)
        self = try builder.plan()
    }

    init(
        file: String, format: Format, stackName: String, queues: [QueueDeclaration], functions: [FunctionDeclaration],
        mappings: [MappingDeclaration], asyncInvokes: [AsyncInvokeDeclaration], httpRoutes: [HTTPRouteDeclaration]
    ) {
        self.file = file
        self.format = format
        self.stackName = stackName
        self.queues = queues
        self.functions = functions
        self.mappings = mappings
        self.asyncInvokes = asyncInvokes
        self.httpRoutes = httpRoutes
    }

    /// The integrations its functions sync, as `queuelab generate` marks them: the values of
    /// `INTEGRATION_NAME` in their environment, sorted, each once.
    public var integrationNames: [String] {
        Set(functions.compactMap { $0.environment["INTEGRATION_NAME"]?.literal }).sorted()
    }

    /// The functions as the function host runs them, with queue URLs on `sqsEndpoint`
    /// (`http://<host>:<port>`), sorted by name.
    public func configurations(sqsEndpoint: String) -> [FunctionConfiguration] {
        functions.map { $0.configuration(sqsEndpoint: sqsEndpoint) }
    }
}
