import FengqiaoDomain
import FengqiaoStore
import Foundation

/// An account as administrators see it: who, which role, where, and whether it may sign in. Never the
/// password hash.
public struct AccountView: Sendable, Hashable, Codable {
    public let id: Int64
    public let username: String
    public let displayName: String
    /// The role's code; for a pending account, the role its creator proposed.
    public let role: String
    public let roleName: String
    public let areaCode: String
    public let areaName: String?
    public let departmentID: Int64?
    public let departmentName: String?
    public let status: AccountStatus
    public let lockedUntil: Date?
    public let lastLoginAt: Date?
    public let passwordChangedAt: Date?
    public let createdAt: Date

    init(_ record: AccountRecord, id: Int64, areaName: String?, departmentName: String? = nil) {
        self.id = id
        username = record.username
        displayName = record.displayName
        role = record.role
        roleName = Role(rawValue: record.role)?.chineseName ?? record.role
        areaCode = record.areaCode
        self.areaName = areaName
        departmentID = record.departmentId
        self.departmentName = departmentName
        // An unknown status cannot sign in (only `active` can), so it shows as disabled.
        status = AccountStatus(rawValue: record.status) ?? .disabled
        lockedUntil = record.lockedUntil.map(Date.init(millisecondsSince1970:))
        lastLoginAt = record.lastLoginAt.map(Date.init(millisecondsSince1970:))
        passwordChangedAt = record.passwordChangedAt.map(Date.init(millisecondsSince1970:))
        createdAt = Date(millisecondsSince1970: record.createdAt)
    }
}
