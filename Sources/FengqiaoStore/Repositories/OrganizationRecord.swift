import Foundation

/// An organisation row (企业, 个体工商户, 社会组织 …), keyed naturally by its credit code.
public struct OrganizationRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var name: String
    public var kind: String
    public var creditCode: String
    public var gridCode: String
    public var address: String
    public var createdAt: Int64

    public init(
        id: Int64? = nil, name: String, kind: String, creditCode: String, gridCode: String, address: String, createdAt: Int64
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.creditCode = creditCode
        self.gridCode = gridCode
        self.address = address
        self.createdAt = createdAt
    }
}
