/// A global request budget, e.g. `20/s`: a token bucket holding `requests` tokens that refills at
/// `requests` per `window`, so a burst of `requests` passes at once and the rate holds after it.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    public enum Window: String, Sendable, CaseIterable {
        case second = "s"
        case minute = "min"
        case hour = "h"

        var duration: Duration {
            switch self {
            case .second: .seconds(1)
            case .minute: .seconds(60)
            case .hour: .seconds(3600)
            }
        }
    }

    public var requests: Int
    public var window: Window

    public init(requests: Int, per window: Window) {
        self.requests = requests
        self.window = window
    }

    /// Reads `N/s`, `N/min` or `N/h` with N ≥ 1.
    public init(parsing text: some StringProtocol) throws(CRMMockError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let requests = Int(parts[0]), requests >= 1, let window = Window(rawValue: String(parts[1])) else {
            throw CRMMockError(.invalidKnob, "rateLimit '\(text)': expected N/s, N/min or N/h with N at least 1, e.g. 20/s")
        }
        self.init(requests: requests, per: window)
    }

    public var description: String { "\(requests)/\(window.rawValue)" }
}
