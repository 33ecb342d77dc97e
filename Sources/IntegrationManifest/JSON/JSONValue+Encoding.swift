import Foundation
import StrictJSON

extension JSONValue {
    /// The JSON form of any encodable value, for splicing typed models into a JSON tree.
    init(encoding value: some Encodable) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }
}
