import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit
import HummingbirdBcrypt

/// Creating staff accounts. The command line uses it to make the first administrator outside demo
/// mode (there are no default passwords); every account made is audited.
public struct AccountAdministration: Sendable {
    let platform: Platform
    /// The rules passwords are checked against; nil: the security policy in force.
    let policy: SecurityPolicy?

    public init(platform: Platform, policy: SecurityPolicy? = nil) {
        self.platform = platform
        self.policy = policy
    }

    /// A new account request, as typed at the command line or in a form.
    public struct NewAccount: Sendable {
        public var username: String
        public var displayName: String
        public var role: String
        public var areaCode: String
        public var departmentID: Int64?
        public var password: String

        public init(username: String, displayName: String, role: String, areaCode: String, departmentID: Int64? = nil,
                    password: String) {
            self.username = username
            self.displayName = displayName
            self.role = role
            self.areaCode = areaCode
            self.departmentID = departmentID
            self.password = password
        }
    }

    /// Creates the account on behalf of `actor` (e.g. `cli:root`); returns its id.
    public func create(_ request: NewAccount, actor: String, ip: String = "local") async throws -> Int64 {
        var errors: [FieldError] = []
        let username = request.username.trimmingCharacters(in: .whitespaces)
        if username.isEmpty { errors.append(.required("username", label: "用户名")) }
        if username.count > 40 || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            errors.append(FieldError(field: "username", code: "invalid_format", message: "用户名只能包含字母、数字和 . _ -,最长40个字符"))
        }
        let displayName = request.displayName.trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty { errors.append(.required("displayName", label: "姓名")) }
        let role = Role(rawValue: request.role) ?? Role.allCases.first { $0.chineseName == request.role }
        if role == nil { errors.append(FieldError(field: "role", code: "invalid_choice", message: "角色不在可选范围内")) }
        let policy: SecurityPolicy
        if let fixed = self.policy { policy = fixed } else { policy = try await platform.securityPolicy() }
        errors += policy.password.problems(request.password)
        // Before the map is imported (a new installation) any well-formed code will do: the first
        // administrator is made before there are areas.
        let (area, mapIsEmpty) = try await platform.database.read { db in
            (try await AreaRepository(db).find(code: request.areaCode), try await db.countRows(in: "areas") == 0)
        }
        if AreaCode(request.areaCode) == nil || (!mapIsEmpty && area?.status != "active") {
            errors.append(FieldError(field: "areaCode", code: "unknown", message: "区域编码不存在"))
        }
        guard errors.isEmpty, let role else { throw DomainError.validation(errors) }
        let hash = Bcrypt.hash(request.password, cost: 12)
        let nowMs = platform.clock.now().millisecondsSince1970
        let record = AccountRecord(username: username, displayName: displayName, passwordHash: hash, role: role.rawValue,
                                   areaCode: request.areaCode, departmentId: request.departmentID, passwordChangedAt: nowMs,
                                   createdAt: nowMs)
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let id: Int64
            do { id = try await AccountRepository(db).insert(record) } catch StoreError.duplicate {
                throw DomainError.conflict(code: "duplicate_username", message: "用户名已被占用")
            }
            try await AuditTrail.append(
                AuditEntry(actorID: nil, actor: actor, role: "system", ip: ip, action: "account.create", objectType: "account",
                           objectID: String(id),
                           summary: #"{"username":"\#(username)","role":"\#(role.rawValue)","area":"\#(request.areaCode)"}"#),
                at: nowMs, in: db, kind: kind)
            return id
        }
    }
}
