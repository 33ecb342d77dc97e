/// How a CRM's list endpoint addresses a page. The sync numbers pages from 0 for every CRM (the
/// Process counts them so); the style turns that index into the CRM's own parameter.
public enum PaginationStyle: Sendable, Equatable {
    /// A record offset, `index × limit` (Pipedrive `start`, Attio `offset`).
    case offset
    /// A page number counted from `firstPage` (AxisCare and Zoho count from 1, ScalingTest from 0).
    case pageNumber(firstPage: Int)

    /// The CRM's parameter for page `index` of `limit` records.
    public func parameter(forPage index: Int, limit: Int) -> Int {
        switch self {
        case .offset: index * limit
        case .pageNumber(let firstPage): firstPage + index
        }
    }
}
