import Foundation
import SQLKit

/// Residents, with their households and search index.
public struct PeopleRepository: Sendable {
    let db: any SQLDatabase
    let kind: DatabaseKind

    public init(_ db: any SQLDatabase, kind: DatabaseKind) {
        self.db = db
        self.kind = kind
    }

    /// Inserts the person; an ID number already registered is `StoreError.duplicate("idNumber")`.
    public func insert(_ person: PersonRecord) async throws -> Int64 {
        guard try await find(idNumberIndex: person.idNumberIndex) == nil else { throw StoreError.duplicate("idNumber") }
        guard let row = try await db.insert(into: "people")
            .model(person, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        else { throw StoreError.noRowReturned("people") }
        let id = try row.decode(column: "id", as: Int64.self)
        try await BaseDataSearch.added("people", id: id, name: person.name, address: person.address, on: db, kind: kind)
        return id
    }

    /// Replaces the stored person `person.id` (its id number may change, but not to another person's).
    public func update(_ person: PersonRecord) async throws {
        guard let id = person.id, let old = try await find(id: id) else { throw StoreError.noRowReturned("people") }
        if let other = try await find(idNumberIndex: person.idNumberIndex), other.id != id {
            throw StoreError.duplicate("idNumber")
        }
        try await db.update("people").set(model: person, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .where("id", .equal, id).run()
        try await BaseDataSearch.changed("people", id: id, old: (old.name, old.address), new: (person.name, person.address),
                                         on: db, kind: kind)
    }

    public func find(id: Int64) async throws -> PersonRecord? {
        try await db.select().column("*").from("people").where("id", .equal, id).first()?
            .decode(model: PersonRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(idNumberIndex: String) async throws -> PersonRecord? {
        try await db.select().column("*").from("people").where("id_number_index", .equal, idNumberIndex).first()?
            .decode(model: PersonRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(ids: [Int64]) async throws -> [PersonRecord] {
        guard !ids.isEmpty else { return [] }
        return try await db.select().column("*").from("people").where("id", .in, ids).orderBy("id").all()
            .map { try $0.decode(model: PersonRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// One page of the people inside the area subtree `prefix`, in (grid, id) order, after the
    /// cursor `after` (the last row of the previous page). Keyset paging: page 1,000 costs what page 1 does.
    public func page(prefix: String, after: (gridCode: String, id: Int64)?, limit: Int) async throws -> [PersonRecord] {
        // A row-value comparison, which both engines answer from the (grid_code, id) index by seeking to the
        // cursor; the equivalent `a > x OR (a = x AND b > y)` makes SQLite scan from the start of the range.
        let (from, cursorGrid, cursorID) = (after?.gridCode ?? prefix, after?.gridCode ?? "", after?.id ?? 0)
        let rows = try await db.raw("""
            SELECT * FROM people WHERE grid_code >= \(bind: from) AND grid_code < \(bind: prefix + ":")
            AND (grid_code, id) > (\(bind: cursorGrid), \(bind: cursorID))
            ORDER BY grid_code, id LIMIT \(bind: limit)
            """).all()
        return try rows.map { try $0.decode(model: PersonRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The household at `address` in `gridCode`, created when missing.
    public func household(gridCode: String, address: String, dwellingUse: String, at: Int64) async throws -> Int64 {
        try await db.raw("""
            INSERT INTO households (grid_code, address, dwelling_use, created_at)
            VALUES (\(bind: gridCode), \(bind: address), \(bind: dwellingUse), \(bind: at))
            ON CONFLICT (grid_code, address) DO NOTHING
            """).run()
        guard let row = try await db.select().column("id").from("households").where("grid_code", .equal, gridCode)
            .where("address", .equal, address).first()
        else { throw StoreError.noRowReturned("households") }
        return try row.decode(column: "id", as: Int64.self)
    }
}
