import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The risk rules each area sets for itself (`configureCases`, inside the jurisdiction): an area without its own book
/// follows its nearest ancestor's, and the top one `RiskRuleBook.standard`. Saving and resetting are audited.
public struct RiskRuleBooks: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// An area's rules as the form shows them: its own book or the one it follows.
    public struct View: Sendable {
        public var areaCode: String
        public var areaName: String
        /// The area has its own book (else it follows `inheritedFrom`, or the standard rules when nil).
        public var own: Bool
        public var inheritedFrom: String?
        public var fields: [String: String]
        public var children: [(code: String, name: String)]
    }

    public func view(area: String?, caller: Caller) async throws -> View {
        let (code, atlas) = try await resolve(area, caller: caller)
        let books = try await platform.database.read { try await RiskRepository($0).ruleBooks() }
        return try Self.view(code, books: books, atlas: atlas)
    }

    /// Stores the book the form's `fields` describe for `area` (every error at once, nothing stored on any).
    public func save(area: String?, fields: [String: String], caller: Caller) async throws -> View {
        let (code, atlas) = try await resolve(area, caller: caller)
        let book = try RiskRuleBookSubmission.book(from: fields)
        let json = String(decoding: try JSONEncoder().encode(book), as: UTF8.self)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let books = try await platform.database.write { db in
            let repository = RiskRepository(db)
            try await repository.setRuleBook(area: code, json: json, by: caller.staff.displayName, at: now)
            try await AuditTrail.append(
                AuditEntry(caller, action: "risk_rules.save", objectType: "area", objectID: code, summary: json),
                at: now, in: db, kind: kind)
            return try await repository.ruleBooks()
        }
        return try Self.view(code, books: books, atlas: atlas)
    }

    /// Removes `area`'s own book: it follows its ancestors again.
    public func reset(area: String?, caller: Caller) async throws -> View {
        let (code, atlas) = try await resolve(area, caller: caller)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let books = try await platform.database.write { db in
            let repository = RiskRepository(db)
            try await repository.removeRuleBook(area: code)
            try await AuditTrail.append(
                AuditEntry(caller, action: "risk_rules.reset", objectType: "area", objectID: code), at: now, in: db, kind: kind)
            return try await repository.ruleBooks()
        }
        return try Self.view(code, books: books, atlas: atlas)
    }

    /// The area asked for (the jurisdiction's own when nil), if it exists inside the jurisdiction.
    private func resolve(_ code: String?, caller: Caller) async throws -> (String, AreaAtlas) {
        try caller.staff.require(.configureCases)
        let atlas = try await platform.areaAtlas()
        let chosen = code.flatMap { $0.isEmpty ? nil : $0 } ?? caller.staff.jurisdiction.root.rawValue
        guard chosen.count <= 18, atlas.node(chosen) != nil, caller.staff.jurisdiction.contains(chosen) else {
            throw DomainError.notFound(what: "区域")
        }
        return (chosen, atlas)
    }

    static func view(_ code: String, books stored: [String: String], atlas: AreaAtlas) throws -> View {
        let decoder = JSONDecoder()
        let books = stored.compactMapValues { try? decoder.decode(RiskRuleBook.self, from: Data($0.utf8)) }
        let path = atlas.path(to: code)?.nodes.map(\.code) ?? [code]
        let source = path.reversed().first { books[$0] != nil }
        return View(
            areaCode: code, areaName: atlas.node(code)?.name ?? code, own: source == code,
            inheritedFrom: source.flatMap { $0 == code ? nil : atlas.node($0)?.name ?? $0 },
            fields: RiskRuleBookSubmission.fields(of: RiskRuleBook.inForce(along: path, books: books)),
            children: atlas.children(of: code).filter { $0.level <= .village }.map { ($0.code, $0.name) })
    }
}
