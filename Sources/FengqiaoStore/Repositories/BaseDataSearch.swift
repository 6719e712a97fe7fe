import Foundation
import SQLKit

/// Name and address search over people, organisations and places, behind one small type because the
/// engines differ: SQLite keeps an FTS5 trigram index per table (external content, kept in step by the
/// repositories, rebuilt after bulk loads); PostgreSQL uses pg_trgm GIN indexes that serve `LIKE`.
/// Trigrams need three characters, so shorter terms (a two-character name such as 王芳) match names
/// that start with the term, through an ordinary B-tree index.
public enum BaseDataSearch {
    /// The searchable tables.
    public static let tables = ["people", "organizations", "places"]

    static func createIndexes(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        switch kind {
        case .sqlite:
            for table in tables {
                try await db.raw("""
                    CREATE VIRTUAL TABLE \(ident: table + "_search") USING fts5(
                      name, address, content=\(literal: table), content_rowid='id', tokenize='trigram')
                    """).run()
            }
            try await rebuild(on: db, kind: kind)
        case .postgres:
            try await db.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            for table in tables {
                try await db.raw("CREATE INDEX \(ident: table + "_name_trgm") ON \(ident: table) USING gin (name gin_trgm_ops)").run()
                try await db.raw("CREATE INDEX \(ident: table + "_address_trgm") ON \(ident: table) USING gin (address gin_trgm_ops)").run()
                try await db.raw("CREATE INDEX \(ident: table + "_name_prefix") ON \(ident: table) (name text_pattern_ops)").run()
            }
        }
    }

    /// Re-reads every row into the SQLite indexes (after bulk inserts that bypassed them); nothing to
    /// do on PostgreSQL, whose indexes are maintained by the engine.
    public static func rebuild(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        guard kind == .sqlite else { return }
        for table in tables {
            try await db.raw("INSERT INTO \(ident: table + "_search")(\(ident: table + "_search")) VALUES('rebuild')").run()
        }
    }

    /// Adds a row to the SQLite index of `table`.
    static func added(_ table: String, id: Int64, name: String, address: String, on db: any SQLDatabase, kind: DatabaseKind)
        async throws
    {
        guard kind == .sqlite else { return }
        try await db.raw("""
            INSERT INTO \(ident: table + "_search")(rowid, name, address) VALUES (\(bind: id), \(bind: name), \(bind: address))
            """).run()
    }

    /// Replaces a row's entry in the SQLite index of `table` (the old values must be given: FTS5
    /// external-content deletes by content).
    static func changed(
        _ table: String, id: Int64, old: (name: String, address: String), new: (name: String, address: String),
        on db: any SQLDatabase, kind: DatabaseKind
    ) async throws {
        guard kind == .sqlite else { return }
        let index = table + "_search"
        try await db.raw("""
            INSERT INTO \(ident: index)(\(ident: index), rowid, name, address) VALUES ('delete', \(bind: id), \(bind: old.name), \(bind: old.address))
            """).run()
        try await added(table, id: id, name: new.name, address: new.address, on: db, kind: kind)
    }

    /// The ids of rows of `table` inside the area subtree `prefix` whose name or address contains
    /// `term` (names starting with it, for terms under three characters), in id order.
    public static func ids(
        in table: String, matching term: String, prefix: String, limit: Int, on db: any SQLDatabase, kind: DatabaseKind
    ) async throws -> [Int64] {
        let term = String(term.trimmingCharacters(in: .whitespacesAndNewlines).prefix(50))
        guard !term.isEmpty else { return [] }
        let (from, to) = (prefix, prefix + ":")
        let search = table + "_search"
        let rows: [any SQLRow]
        switch (kind, term.count < 3) {
        case (.sqlite, true):
            // Prefix range: in code-point order every name starting with the term sorts in [term, term+U+10FFFF).
            rows = try await db.raw("""
                SELECT id FROM \(ident: table) WHERE name >= \(bind: term) AND name < \(bind: term + "\u{10FFFF}")
                AND grid_code >= \(bind: from) AND grid_code < \(bind: to) ORDER BY id LIMIT \(bind: limit)
                """).all()
        case (.sqlite, false):
            let phrase = "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            rows = try await db.raw("""
                SELECT id FROM \(ident: table) WHERE id IN (SELECT rowid FROM \(ident: search) WHERE \(ident: search) MATCH \(bind: phrase))
                AND grid_code >= \(bind: from) AND grid_code < \(bind: to) ORDER BY id LIMIT \(bind: limit)
                """).all()
        case (.postgres, true):
            rows = try await db.raw("""
                SELECT id FROM \(ident: table) WHERE name LIKE \(bind: likeEscaped(term) + "%")
                AND grid_code >= \(bind: from) AND grid_code < \(bind: to) ORDER BY id LIMIT \(bind: limit)
                """).all()
        case (.postgres, false):
            let pattern = "%" + likeEscaped(term) + "%"
            rows = try await db.raw("""
                SELECT id FROM \(ident: table) WHERE (name ILIKE \(bind: pattern) OR address ILIKE \(bind: pattern))
                AND grid_code >= \(bind: from) AND grid_code < \(bind: to) ORDER BY id LIMIT \(bind: limit)
                """).all()
        }
        return try rows.map { try $0.decode(column: "id", as: Int64.self) }
    }

    static func likeEscaped(_ term: String) -> String {
        term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
