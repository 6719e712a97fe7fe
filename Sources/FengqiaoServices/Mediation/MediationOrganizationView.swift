import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A mediation organisation as the registry lists it: the phone masked only.
public struct MediationOrganizationView: Sendable, Codable, Equatable {
    public var id: Int64
    public var areaCode: String
    public var areaName: String?
    public var kind: String
    public var kindName: String
    public var name: String
    public var address: String?
    public var phone: String?
    public var active: Bool

    init(_ record: MediationOrganizationRecord, atlas: AreaAtlas?) {
        id = record.id ?? 0
        areaCode = record.areaCode
        areaName = atlas?.node(record.areaCode)?.name
        kind = record.kind
        kindName = MediationOrganizationKind(rawValue: record.kind)?.chineseName ?? record.kind
        name = record.name
        address = record.address
        phone = record.phoneMasked
        active = record.active == 1
    }
}
