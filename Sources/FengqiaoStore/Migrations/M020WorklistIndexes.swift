import SQLKit

/// Indexes the worklists needed at a million cases (measured with `bench/workbench` on `demo --scale large`): a
/// state before the jurisdiction's area range, so 待核查, 待回访 and 我的待办 seek their few states instead of reading
/// every case of the county (0.46 s → 5 ms for a county of 400 thousand cases); and the summons clocks by kind and
/// status, so the count of late 吹哨报到 looks only at those (1.6 s → 50 ms).
enum M020WorklistIndexes {
    static let migration = Migration(version: 20, name: "worklist_indexes") { db, _ in
        try await db.create(index: "cases_state_area").on("cases").column("state").column("area_code").run()
        try await db.create(index: "case_clocks_kind_status").on("case_clocks").column("kind").column("status")
            .column("case_id").run()
    }
}
