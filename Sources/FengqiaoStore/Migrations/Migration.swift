import SQLKit

/// One numbered schema change. Migrations are append-only: once one has landed it is never edited;
/// a later migration changes what an earlier one made.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let apply: @Sendable (any SQLDatabase, DatabaseKind) async throws -> Void

    public init(version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase, DatabaseKind) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}

extension SQLDataType {
    /// 64-bit float on both engines (SQLKit's `.real` is 32-bit on PostgreSQL).
    static var double: SQLDataType { .custom(SQLRaw("DOUBLE PRECISION")) }
}
