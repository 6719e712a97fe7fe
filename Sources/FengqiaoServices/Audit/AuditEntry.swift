import Foundation
import FengqiaoDomain

/// What a service records in the audit log: the action, its object and a short summary.
public struct AuditEntry: Sendable, Equatable {
    public var actorID: Int64?
    public var actor: String
    public var role: String
    public var ip: String
    public var action: String
    public var objectType: String
    public var objectID: String
    /// Short JSON: what changed (before/after) or what was read; never a plaintext identifier.
    public var summary: String

    public init(
        actorID: Int64?, actor: String, role: String, ip: String, action: String, objectType: String,
        objectID: String, summary: String = "{}"
    ) {
        self.actorID = actorID
        self.actor = actor
        self.role = role
        self.ip = ip
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.summary = summary
    }

    /// An entry for something `caller` did. A machine reads as actor `token:<name>`, role `api_token`,
    /// with no account id.
    public init(_ caller: Caller, action: String, objectType: String, objectID: String, summary: String = "{}") {
        let staff = caller.staff
        self.init(
            actorID: staff.isMachine ? nil : staff.accountID, actor: staff.username,
            role: staff.isMachine ? "api_token" : staff.role.rawValue,
            ip: caller.ip, action: action, objectType: objectType, objectID: objectID, summary: summary)
    }

    /// A summary from `fields`, as JSON with sorted keys (escaped properly: names are free text).
    public static func summary(_ fields: [String: any Sendable]) -> String {
        let object = fields.mapValues { $0 as Any }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
