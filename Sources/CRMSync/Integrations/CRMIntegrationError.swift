/// A request the integration cannot serve.
public struct CRMIntegrationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unsupported = "Unsupported"
        case unknownObjectType = "UnknownObjectType"
        case unknownIntegration = "UnknownIntegration"
        /// A contact id the CRM cannot have issued (Pipedrive's and AxisCare's ids are integers).
        case invalidContactId = "InvalidContactId"
        /// A webhook POST that is not one of the CRM's notifications about persons.
        case invalidWebhook = "InvalidWebhook"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
