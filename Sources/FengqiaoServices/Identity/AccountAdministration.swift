import FengqiaoDomain
import FengqiaoStore
import Foundation
import HummingbirdBcrypt
import SQLKit

/// The account lifecycle under 三权分立: the system administrator (`manageAccounts`) creates, disables,
/// enables and resets accounts; the security administrator (`grantRoles`) grants roles; nobody grants
/// themselves anything. An account created from the admin pages is `pending` — it holds the role its
/// creator proposed but cannot sign in — until a security administrator grants it a role. The command
/// line on the server (`cli:$USER`) is the root of trust: it creates active accounts of any role (the
/// first administrators) and may do everything else. Every change is audited with a before/after
/// summary that never holds a password or hash.
public struct AccountAdministration: Sendable {
    let platform: Platform
    /// The rules passwords are checked against; nil: the security policy in force.
    let policy: SecurityPolicy?
    /// bcrypt's cost for new passwords (tests lower it for speed).
    let hashCost: UInt8

    public init(platform: Platform, policy: SecurityPolicy? = nil, hashCost: UInt8 = 12) {
        self.platform = platform
        self.policy = policy
        self.hashCost = hashCost
    }

    /// The password rules in force: the fixed policy when one was given, else the stored one.
    func passwordPolicy() async throws -> PasswordPolicy {
        if let policy { return policy.password }
        return try await platform.securityPolicy().password
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

    /// Creates an active account on behalf of the command line `actor` (e.g. `cli:root`); returns its id.
    public func create(_ request: NewAccount, actor: String) async throws -> Int64 {
        try await create(request, by: .commandLine(actor))
    }

    /// Creates the account; returns its id. A system administrator's account starts `pending` with the
    /// proposed role; the command line's starts `active`.
    public func create(_ request: NewAccount, by actor: Administrator) async throws -> Int64 {
        try actor.require(.manageAccounts)
        var errors: [FieldError] = []
        let username = request.username.trimmingCharacters(in: .whitespaces)
        if username.isEmpty { errors.append(.required("username", label: "用户名")) }
        if username.count > 40 || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            errors.append(FieldError(field: "username", code: "invalid_format", message: "用户名只能包含字母、数字和 . _ -,最长40个字符"))
        }
        let displayName = request.displayName.trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty { errors.append(.required("displayName", label: "姓名")) }
        if displayName.count > 40 { errors.append(.tooLong("displayName", label: "姓名", max: 40)) }
        let placement = try await platform.database.read { db in
            try await Self.placement(role: request.role, areaCode: request.areaCode, departmentID: request.departmentID,
                                     by: actor, in: db)
        }
        errors += placement.problems
        errors += try await passwordPolicy().problems(request.password)
        guard errors.isEmpty, let role = placement.role else { throw DomainError.validation(errors) }
        let hash = Bcrypt.hash(request.password, cost: hashCost)
        let nowMs = platform.clock.now().millisecondsSince1970
        let status: AccountStatus = actor.isCommandLine ? .active : .pending
        let record = AccountRecord(username: username, displayName: displayName, passwordHash: hash, role: role.rawValue,
                                   areaCode: request.areaCode, departmentId: request.departmentID, status: status.rawValue,
                                   passwordChangedAt: nowMs, createdAt: nowMs)
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let id: Int64
            do { id = try await AccountRepository(db).insert(record) } catch StoreError.duplicate {
                throw DomainError.conflict(code: "duplicate_username", message: "用户名已被占用")
            }
            let summary = AccountSnapshot.summary(username: username, before: nil, after: AccountSnapshot(record))
            try await AuditTrail.append(actor.auditEntry(action: "account.create", objectType: "account", objectID: id, summary: summary),
                                        at: nowMs, in: db, kind: kind)
            return id
        }
    }

    // MARK: - Shared by create and grant

    /// The role, and the field errors of a role, area and department for an account. The area must be
    /// active and inside the actor's jurisdiction (outside reads as unknown); before the map is imported
    /// (a new installation) the command line may use any well-formed code, since the first administrator
    /// is made before there are areas. A department must exist and belong to the area or one above it.
    static func placement(
        role text: String, areaCode: String, departmentID: Int64?, by actor: Administrator, in db: any SQLDatabase
    ) async throws -> (role: Role?, problems: [FieldError]) {
        var problems: [FieldError] = []
        let role = Role(codeOrChineseName: text)
        if role == nil { problems.append(FieldError(field: "role", code: "invalid_choice", message: "角色不在可选范围内")) }
        let unknownArea = FieldError(field: "areaCode", code: "unknown", message: "区域编码不存在")
        guard AreaCode(areaCode) != nil else { return (role, problems + [unknownArea]) }
        let area = try await AreaRepository(db).find(code: areaCode)
        let mayUseBareCode = actor.isCommandLine ? try await db.countRows(in: "areas") == 0 : false
        if !mayUseBareCode, area?.status != "active" || !actor.covers(areaCode) { problems.append(unknownArea) }
        if let departmentID {
            let department = try await CenterRepository(db).department(id: departmentID)
            let onPath = department.flatMap { AreaCode($0.areaCode) }.map { Jurisdiction(root: $0).contains(areaCode) }
            if onPath != true {
                problems.append(FieldError(field: "departmentID", code: "unknown",
                                           message: "部门不存在,或不属于该账号所在区域及其上级区域"))
            }
        }
        return (role, problems)
    }

    /// Loads account `id` in a write transaction (outside the actor's jurisdiction it is "not found"),
    /// lets `change` decide and persist, ends the account's sessions when `endSessions`, and audits the
    /// before and after.
    func changeAccount(
        _ id: Int64, action: String, by actor: Administrator, endSessions: Bool = true,
        _ change: @Sendable @escaping (AccountRecord, any SQLDatabase) async throws -> AccountRecord
    ) async throws {
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            guard let before = try await AccountRepository(db).find(id: id), actor.covers(before.areaCode) else {
                throw DomainError.notFound(what: "账号")
            }
            let after = try await change(before, db)
            if endSessions { try await SessionRepository(db).deleteAll(accountId: id) }
            let summary = AccountSnapshot.summary(username: before.username, before: AccountSnapshot(before),
                                                  after: AccountSnapshot(after))
            try await AuditTrail.append(actor.auditEntry(action: action, objectType: "account", objectID: id, summary: summary),
                                        at: nowMs, in: db, kind: kind)
        }
        platform.sessions.removeAll(accountID: id)
    }
}
