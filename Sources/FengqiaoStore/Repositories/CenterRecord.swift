import Foundation

/// A 综治中心 of one area.
public struct CenterRecord: Sendable, Codable, Equatable {
    public var areaCode: String
    public var name: String
    /// `CenterLevel` raw value.
    public var level: String
    public var address: String
    /// The phone number residents call.
    public var hotline: String
    public var createdAt: Int64

    public init(areaCode: String, name: String, level: String, address: String, hotline: String, createdAt: Int64) {
        self.areaCode = areaCode
        self.name = name
        self.level = level
        self.address = address
        self.hotline = hotline
        self.createdAt = createdAt
    }
}
