import Foundation

/// A registered AI camera (`cameras`): its alerts are filed in `gridCode`.
public struct CameraRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var code: String
    public var name: String
    public var gridCode: String
    public var lat: Double?
    public var lon: Double?
    /// 1 while the camera's alerts are taken; 0 once retired (its alerts stay).
    public var active: Int
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64? = nil, code: String, name: String, gridCode: String, lat: Double? = nil, lon: Double? = nil,
        active: Int = 1, createdAt: Int64, updatedAt: Int64
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.gridCode = gridCode
        self.lat = lat
        self.lon = lon
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
