import SQLKit

/// Text search over cases (issue 9, global search): the description and address. SQLite keeps an FTS5
/// trigram index (external content) that triggers on `cases` keep in step — so every writer, bulk demo
/// SQL included, maintains it without knowing; PostgreSQL uses pg_trgm GIN indexes that serve `LIKE`.
/// Case numbers and tracking codes are found through their existing unique indexes.
enum M017CaseSearch {
    static let migration = Migration(version: 17, name: "case_search") { db, kind in
        try await CaseSearchRepository.createIndexes(on: db, kind: kind)
    }
}
