import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// API tokens for machines (Open311 clients, hotline imports, camera alerts, webhooks). A token is
/// `fq_` and 256 random bits, shown once when made; only its SHA-256 is stored. It carries scopes
/// (what it may do) and an area (where), can be revoked, and records when it was last used.
public struct ApiTokens: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// What every token starts with, so a bearer header can be recognised as ours.
    public static let marker = "fq_"
    static let nameLimit = 60
    /// `last_used_at` is written at most this often per token: one write a minute, not one a request.
    static let touchInterval: Int64 = 60_000

    /// A token just made: `token` is shown this once and can never be read again.
    public struct Issued: Sendable, Equatable {
        public let id: Int64
        public let name: String
        public let prefix: String
        public let token: String
    }

    /// Makes a token called `name` that may do `scopes` (names such as `basedata.read`) in `area`.
    public func create(name rawName: String, scopes: [String], area: String, by admin: Administrator)
        async throws -> Issued
    {
        try admin.require(.grantRoles)
        var errors: [FieldError] = []
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors.append(.required("name", label: "令牌名称"))
        } else if name.count > Self.nameLimit {
            errors.append(.tooLong("name", label: "令牌名称", max: Self.nameLimit))
        } else if !name.allSatisfy({ $0.isLetter || $0.isNumber || " ._-()（）".contains($0) }) {
            errors.append(FieldError(field: "name", code: "invalid_format",
                                     message: "令牌名称只能包含文字、字母、数字、空格和 . _ - ( )"))
        }
        var parsed: Set<ApiScope> = []
        do { parsed = try ApiScope.parse(scopes, field: "scope") } catch {
            if case .validation(let fields) = error { errors += fields }
        }
        let atlas = try await platform.areaAtlas()
        // An area outside the administrator's jurisdiction reads exactly like one that does not exist.
        if AreaCode(area) == nil || atlas.node(area) == nil || !admin.covers(area) {
            errors.append(FieldError(field: "area", code: "unknown", message: "辖区内没有该区域编码"))
        }
        guard errors.isEmpty else { throw DomainError.validation(errors) }

        let token = Self.marker + SessionToken.random()
        let prefix = String(token.dropFirst(Self.marker.count).prefix(8))
        let nowMs = platform.clock.now().millisecondsSince1970
        let record = ApiTokenRecord(
            name: name, prefix: prefix, tokenHash: SessionToken.hash(token), scope: ApiScope.stored(parsed),
            areaCode: area, createdBy: admin.name, createdAt: nowMs)
        let kind = platform.database.kind
        let id = try await platform.database.write { db in
            let tokens = ApiTokenRepository(db)
            guard try await tokens.findLive(name: name) == nil else {
                throw DomainError.validation([FieldError(field: "name", code: "duplicate", message: "已有同名的有效令牌")])
            }
            let id = try await tokens.insert(record)
            try await AuditTrail.append(
                admin.auditEntry(action: "api_token.create", objectType: "api_token", objectID: id, summary: AuditEntry.summary([
                    "name": name, "prefix": prefix, "scope": record.scope, "area": area,
                ])),
                at: nowMs, in: db, kind: kind)
            return id
        }
        return Issued(id: id, name: name, prefix: prefix, token: token)
    }

    /// The tokens whose area lies in the administrator's jurisdiction, newest first, revoked ones too.
    public func list(by admin: Administrator) async throws -> [ApiTokenSummary] {
        try admin.require(.grantRoles)
        let range = admin.areaRange
        let records = try await platform.database.read { db in
            try await ApiTokenRepository(db).list(areaFrom: range.from, below: range.below)
        }
        let atlas = try await platform.areaAtlas()
        return records.compactMap { record in
            guard let id = record.id else { return nil }
            return ApiTokenSummary(
                id: id, name: record.name, prefix: record.prefix,
                scopes: ApiScope.allCases.filter(ApiScope.scopes(stored: record.scope).contains),
                areaCode: record.areaCode, areaName: atlas.node(record.areaCode)?.name, createdBy: record.createdBy,
                createdAt: Date(millisecondsSince1970: record.createdAt),
                lastUsedAt: record.lastUsedAt.map(Date.init(millisecondsSince1970:)),
                revokedAt: record.revokedAt.map(Date.init(millisecondsSince1970:)))
        }
    }

    /// Revokes token `id`; "not found" when it does not exist or lies outside the jurisdiction.
    public func revoke(id: Int64, by admin: Administrator) async throws {
        try admin.require(.grantRoles)
        try await revoke(by: admin) { try await ApiTokenRepository($0).find(id: id) }
    }

    /// Revokes the live token called `name` (the command line's `--name`).
    public func revoke(name: String, by admin: Administrator) async throws {
        try admin.require(.grantRoles)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try await revoke(by: admin) { try await ApiTokenRepository($0).findLive(name: name) }
    }

    private func revoke(by admin: Administrator, finding find: @escaping @Sendable (any SQLDatabase) async throws
        -> ApiTokenRecord?) async throws
    {
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let revoked = try await platform.database.write { db -> Int64 in
            guard let record = try await find(db), let id = record.id, admin.covers(record.areaCode) else {
                throw DomainError.notFound(what: "该令牌")
            }
            guard record.revokedAt == nil else {
                throw DomainError.conflict(code: "token_revoked", message: "该令牌已经吊销")
            }
            try await ApiTokenRepository(db).revoke(id: id, at: nowMs)
            try await AuditTrail.append(
                admin.auditEntry(action: "api_token.revoke", objectType: "api_token", objectID: id, summary: AuditEntry.summary([
                    "name": record.name, "prefix": record.prefix,
                ])),
                at: nowMs, in: db, kind: kind)
            return id
        }
        platform.apiTokens.removeAll { $0.id == revoked }
    }

    /// The principal of a request that presents `token`, or nil when it is malformed, unknown or revoked.
    public func resolve(token: String) async throws -> Staff? {
        guard token.hasPrefix(Self.marker), token.utf8.count <= 128 else { return nil }
        let hash = SessionToken.hash(token)
        let nowMs = platform.clock.now().millisecondsSince1970
        var found = platform.apiTokens.value(hash, now: nowMs)
        if found == nil {
            found = try await platform.database.read { try await ApiTokenRepository($0).find(tokenHash: hash) }
            if let found { platform.apiTokens.store(hash, found, now: nowMs) }
        }
        guard let record = found, record.revokedAt == nil, let id = record.id, let area = AreaCode(record.areaCode)
        else { return nil }
        if record.lastUsedAt.map({ nowMs - $0 >= Self.touchInterval }) ?? true {
            try await platform.database.write { try await ApiTokenRepository($0).touch(id: id, at: nowMs) }
            platform.apiTokens.update(hash) { $0.lastUsedAt = nowMs }
        }
        return Staff.machine(tokenID: id, name: record.name, scopes: ApiScope.scopes(stored: record.scope),
                             jurisdiction: Jurisdiction(root: area))
    }
}
