import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A registered camera as the registry lists it.
public struct CameraView: Sendable, Codable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var gridCode: String
    public var gridName: String?
    public var latitude: Double?
    public var longitude: Double?
    public var active: Bool
    public var updatedAt: Date

    init(_ record: CameraRecord, atlas: AreaAtlas?) {
        id = record.id ?? 0
        code = record.code
        name = record.name
        gridCode = record.gridCode
        gridName = atlas?.node(record.gridCode)?.name
        latitude = record.lat
        longitude = record.lon
        active = record.active == 1
        updatedAt = Date(millisecondsSince1970: record.updatedAt)
    }
}
