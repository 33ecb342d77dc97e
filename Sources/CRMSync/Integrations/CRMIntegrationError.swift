import Primitives

/// A request the integration cannot serve.
public typealias CRMIntegrationError = CodedError<CRMIntegrationErrorCode>

/// The codes of `CRMIntegrationError`.
public enum CRMIntegrationErrorCode: String, ErrorCode {
    case unsupported = "Unsupported"
    case unknownObjectType = "UnknownObjectType"
    case unknownIntegration = "UnknownIntegration"
    /// A contact id the CRM cannot have issued (Pipedrive's and AxisCare's ids are integers).
    case invalidContactId = "InvalidContactId"
    /// A webhook POST that is not one of the CRM's notifications about persons.
    case invalidWebhook = "InvalidWebhook"

    public static let descriptionNamesCode = true
}
