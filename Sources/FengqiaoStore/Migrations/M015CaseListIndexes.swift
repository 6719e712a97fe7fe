import SQLKit

/// Indexes for the case list's filters (issue 9 part 2): category, supervision and channel are each an
/// equality before the jurisdiction's area range, so a county's list seeks instead of reading every case
/// of the county (checked with EXPLAIN on SQLite and PostgreSQL).
enum M015CaseListIndexes {
    static let migration = Migration(version: 15, name: "case_list_indexes") { db, _ in
        try await db.create(index: "cases_category_area").on("cases").column("category").column("area_code").run()
        try await db.create(index: "cases_supervision_area").on("cases").column("supervision").column("area_code").run()
        try await db.create(index: "cases_channel_area").on("cases").column("channel").column("area_code").run()
    }
}
