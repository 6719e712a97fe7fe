/// The filters of a GeoReport v2 `GET requests`, as sent; see `Open311.requests`.
public struct Open311Query: Sendable, Equatable {
    public var jurisdiction: String?
    /// Comma-separated case numbers; when given, every other filter is ignored.
    public var requestIds: String?
    /// Comma-separated service codes.
    public var serviceCodes: String?
    /// Comma-separated `open` / `closed`.
    public var status: String?
    /// W3C datetimes (`2026-03-01T00:00:00+08:00`).
    public var startDate: String?
    public var endDate: String?

    public init(
        jurisdiction: String? = nil, requestIds: String? = nil, serviceCodes: String? = nil, status: String? = nil,
        startDate: String? = nil, endDate: String? = nil
    ) {
        self.jurisdiction = jurisdiction
        self.requestIds = requestIds
        self.serviceCodes = serviceCodes
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
    }
}
