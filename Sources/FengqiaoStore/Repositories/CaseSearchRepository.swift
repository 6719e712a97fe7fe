import Foundation
import SQLKit

/// The global search's queries on `cases`, always inside a worklist scope (`CaseListRepository.Filter`):
/// an exact case number or tracking code through their unique indexes, and text in the description or
/// address. Text of three or more characters uses the trigram indexes (FTS5 on SQLite, pg_trgm on
/// PostgreSQL); trigrams need three characters, so a shorter term is looked for only among the
/// `recentWindow` most recent cases of the scope — bounded work at a million cases.
public struct CaseSearchRepository: Sendable {
    /// How many of the scope's newest cases a one- or two-character term reads.
    public static let recentWindow = 2_000

    /// A found case.
    public struct Hit: Sendable, Codable, Equatable {
        public var id: Int64
        public var number: String
        public var trackingCode: String
        public var state: String
        public var kind: String
        public var category: String
        public var areaCode: String
        public var address: String?
        public var description: String
        public var reportedAt: Int64
    }

    let db: any SQLDatabase
    let kind: DatabaseKind

    public init(_ db: any SQLDatabase, kind: DatabaseKind) {
        self.db = db
        self.kind = kind
    }

    static let columns: SQLQueryString =
        "SELECT id, number, tracking_code, state, kind, category, area_code, address, description, reported_at FROM cases WHERE "

    /// The case in `scope` whose number or tracking code is exactly `term`.
    public func exact(_ term: String, scope: CaseListRepository.Filter) async throws -> [Hit] {
        var sql = Self.columns
        sql += "(number = \(bind: term) OR tracking_code = \(bind: term)) AND " + CaseListRepository.conditions(scope)
        sql += " ORDER BY id DESC LIMIT 2"
        return try await hits(sql)
    }

    /// Up to `limit` cases in `scope` whose description or address contains `term`, newest first.
    public func text(_ term: String, scope: CaseListRepository.Filter, limit: Int) async throws -> [Hit] {
        guard !term.isEmpty else { return [] }
        var sql = Self.columns
        switch (kind, term.count < 3) {
        case (_, true):
            // Bounded: the scope's newest cases only, then a plain substring test.
            let find: SQLQueryString = kind == .sqlite ? "instr" : "strpos"
            sql = """
                SELECT id, number, tracking_code, state, kind, category, area_code, address, description, reported_at FROM (
                SELECT id, number, tracking_code, state, kind, category, area_code, address, description, reported_at FROM cases WHERE
                """
            sql += " " + CaseListRepository.conditions(scope)
            sql += " ORDER BY id DESC LIMIT \(bind: Self.recentWindow)) recent WHERE "
            sql += find + "(description, \(bind: term)) > 0 OR " + find + "(COALESCE(address, ''), \(bind: term)) > 0"
        case (.sqlite, false):
            let phrase = "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            sql += "id IN (SELECT rowid FROM cases_search WHERE cases_search MATCH \(bind: phrase)) AND "
            sql += CaseListRepository.conditions(scope)
        case (.postgres, false):
            let pattern = "%" + BaseDataSearch.likeEscaped(term) + "%"
            sql += "(description ILIKE \(bind: pattern) OR address ILIKE \(bind: pattern)) AND " + CaseListRepository.conditions(scope)
        }
        sql += " ORDER BY id DESC LIMIT \(bind: limit)"
        return try await hits(sql)
    }

    private func hits(_ sql: SQLQueryString) async throws -> [Hit] {
        try await db.raw(sql).all().map { try $0.decode(model: Hit.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: Indexes

    static func createIndexes(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        switch kind {
        case .sqlite:
            try await db.raw("""
                CREATE VIRTUAL TABLE cases_search USING fts5(
                  description, address, content='cases', content_rowid='id', tokenize='trigram')
                """).run()
            try await createTriggers(on: db)
            try await rebuild(on: db, kind: kind)
        case .postgres:
            try await db.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await db.raw("CREATE INDEX cases_description_trgm ON cases USING gin (description gin_trgm_ops)").run()
            try await db.raw("CREATE INDEX cases_address_trgm ON cases USING gin (address gin_trgm_ops)").run()
        }
    }

    /// The SQLite triggers that keep `cases_search` in step with `cases`.
    static func createTriggers(on db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
              INSERT INTO cases_search(rowid, description, address) VALUES (new.id, new.description, new.address);
            END
            """).run()
        try await db.raw("""
            CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
              INSERT INTO cases_search(cases_search, rowid, description, address)
              VALUES ('delete', old.id, old.description, old.address);
            END
            """).run()
        try await db.raw("""
            CREATE TRIGGER cases_search_update AFTER UPDATE OF description, address ON cases BEGIN
              INSERT INTO cases_search(cases_search, rowid, description, address)
              VALUES ('delete', old.id, old.description, old.address);
              INSERT INTO cases_search(rowid, description, address) VALUES (new.id, new.description, new.address);
            END
            """).run()
    }

    /// Before a bulk load of cases (the demo): stops the per-row upkeep of the SQLite index, which
    /// makes inserts about 2.5 times slower; `resumeIndexing` must follow in the same transaction.
    /// Nothing to do on PostgreSQL.
    public static func suspendIndexing(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        guard kind == .sqlite else { return }
        for trigger in ["cases_search_insert", "cases_search_delete", "cases_search_update"] {
            try await db.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
        }
    }

    /// After a bulk load: puts the triggers back and re-reads every case into the index (about 5 s
    /// for a million cases, against 50 s of per-row upkeep).
    public static func resumeIndexing(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        guard kind == .sqlite else { return }
        try await createTriggers(on: db)
        try await rebuild(on: db, kind: kind)
    }

    /// Re-reads every case into the SQLite index (the triggers keep it in step; this repairs it, e.g.
    /// after a restore); nothing to do on PostgreSQL.
    public static func rebuild(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        guard kind == .sqlite else { return }
        try await db.raw("INSERT INTO cases_search(cases_search) VALUES('rebuild')").run()
    }
}
