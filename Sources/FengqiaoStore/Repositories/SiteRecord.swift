import Foundation

/// A row of `places` or `things`: what it is, which grid it is in, where.
public struct SiteRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var name: String
    public var kind: String
    public var gridCode: String
    public var address: String
    public var lat: Double?
    public var lon: Double?
    /// Things only (an inspection note); nil for places.
    public var note: String?
    public var createdAt: Int64

    public init(
        id: Int64? = nil, name: String, kind: String, gridCode: String, address: String, lat: Double?, lon: Double?,
        note: String?, createdAt: Int64
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.gridCode = gridCode
        self.address = address
        self.lat = lat
        self.lon = lon
        self.note = note
        self.createdAt = createdAt
    }
}
