import Foundation

/// What `fetchPersonPage` is asked for: the seed's `{ objectType, page, limit, modifiedSince, sortDesc }`.
public struct PageRequest: Sendable, Equatable {
    public var objectType: String
    /// The sync's page index, from 0.
    public var page: Int
    public var limit: Int
    public var modifiedSince: Date?
    public var sortDesc: Bool
    public var cursor: String?

    public init(objectType: String, page: Int, limit: Int, modifiedSince: Date? = nil, sortDesc: Bool, cursor: String? = nil) {
        self.objectType = objectType
        self.page = page
        self.limit = limit
        self.modifiedSince = modifiedSince
        self.sortDesc = sortDesc
        self.cursor = cursor
    }

    public init(_ event: FetchPersonPage) {
        self.init(
            objectType: event.personObjectType, page: event.page, limit: event.limit, modifiedSince: event.modifiedSince,
            sortDesc: event.sortDesc, cursor: event.cursor)
    }
}
