import Foundation
import SQLKit

/// `hotline_batches` and `hotline_work_orders`: imported files and the link from each work order to its case.
public struct HotlineRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static let batchColumns = [
        "filename", "format", "profile", "area_code", "account_id", "actor", "row_count", "created", "already_imported",
        "changed", "failed", "problems", "started_at", "finished_at",
    ]

    /// Inserts a batch; returns its id.
    public func insert(_ batch: HotlineBatchRecord) async throws -> Int64 {
        let values: [any Encodable & Sendable] = [
            batch.filename, batch.format, batch.profile, batch.areaCode, batch.accountId, batch.actor, batch.rowCount,
            batch.created, batch.alreadyImported, batch.changed, batch.failed, batch.problems, batch.startedAt,
            batch.finishedAt,
        ]
        let row = try await db.insert(into: "hotline_batches").columns(Self.batchColumns).values(values.map { SQLBind($0) })
            .returning("id").first()
        guard let row else { throw StoreError.noRowReturned("hotline_batches") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// Records what a finished batch came to.
    public func finish(_ batch: HotlineBatchRecord) async throws {
        guard let id = batch.id else { return }
        try await db.update("hotline_batches")
            .set("row_count", to: batch.rowCount).set("created", to: batch.created)
            .set("already_imported", to: batch.alreadyImported).set("changed", to: batch.changed)
            .set("failed", to: batch.failed).set("problems", to: batch.problems).set("finished_at", to: batch.finishedAt)
            .where("id", .equal, id).run()
    }

    public func batch(id: Int64) async throws -> HotlineBatchRecord? {
        try await db.select().column("*").from("hotline_batches").where("id", .equal, id).first()?
            .decode(model: HotlineBatchRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The latest batches whose importer's area lies in `[areaFrom, areaBelow)`, newest first.
    public func batches(areaFrom: String, areaBelow: String, limit: Int) async throws -> [HotlineBatchRecord] {
        try await db.select().column("*").from("hotline_batches")
            .where("area_code", .greaterThanOrEqual, areaFrom).where("area_code", .lessThan, areaBelow)
            .orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: HotlineBatchRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The linked work orders among `numbers`, with their cases' numbers and places, by number.
    public func links(numbers: [String]) async throws -> [String: HotlineLink] {
        var found: [String: HotlineLink] = [:]
        for start in stride(from: 0, to: numbers.count, by: 500) {
            let chunk = Array(numbers[start..<min(start + 500, numbers.count)])
            let rows = try await db.select()
                .column(SQLColumn("work_order_number", table: "w")).column(SQLColumn("content_hash", table: "w"))
                .column(SQLColumn("case_id", table: "w")).column(SQLColumn("number", table: "c"), as: "case_number")
                .column(SQLColumn("area_code", table: "c")).column(SQLColumn("grid_code", table: "c"))
                .from(SQLAlias(SQLIdentifier("hotline_work_orders"), as: SQLIdentifier("w")))
                .join(SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                      on: SQLColumn("case_id", table: "w"), .equal, SQLColumn("id", table: "c"))
                .where(SQLColumn("work_order_number", table: "w"), .in, SQLBind.group(chunk))
                .all()
            for row in rows {
                let link = try row.decode(model: HotlineLink.self, keyDecodingStrategy: .convertFromSnakeCase)
                found[link.workOrderNumber] = link
            }
        }
        return found
    }

    /// The work order case `caseId` came from, if any.
    public func workOrder(caseId: Int64) async throws -> HotlineWorkOrderRecord? {
        try await db.select().column("*").from("hotline_work_orders").where("case_id", .equal, caseId).first()?
            .decode(model: HotlineWorkOrderRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Links a work order to its case unless its number is linked already; returns whether this call linked it.
    public func link(_ record: HotlineWorkOrderRecord) async throws -> Bool {
        let rows = try await db.raw("""
            INSERT INTO hotline_work_orders (work_order_number, case_id, batch_id, content_hash, called_at, deadline_at,
              request_type, state, status_changed_at, created_at)
            VALUES (\(bind: record.workOrderNumber), \(bind: record.caseId), \(bind: record.batchId), \(bind: record.contentHash),
              \(bind: record.calledAt), \(bind: record.deadlineAt), \(bind: record.requestType), \(bind: record.state),
              \(bind: record.statusChangedAt), \(bind: record.createdAt))
            ON CONFLICT (work_order_number) DO NOTHING RETURNING work_order_number
            """).all()
        return !rows.isEmpty
    }

    /// Records the status of case `caseId` as it goes back to the hotline.
    public func setStatus(
        caseId: Int64, state: String, result: String?, finishedAt: Int64?, satisfaction: String?, at: Int64
    ) async throws {
        try await db.update("hotline_work_orders")
            .set("state", to: state).set("result", to: result).set("finished_at", to: finishedAt)
            .set("satisfaction", to: satisfaction).set("status_changed_at", to: at)
            .where("case_id", .equal, caseId).run()
    }

    /// The work orders called in `[from, to)` whose case lies in `[areaFrom, areaBelow)`, by call time,
    /// at most `limit`.
    public func statuses(
        calledFrom from: Int64, to: Int64, areaFrom: String, areaBelow: String, limit: Int
    ) async throws -> [HotlineStatusRow] {
        try await db.select()
            .column(SQLColumn("work_order_number", table: "w")).column(SQLColumn("number", table: "c"), as: "case_number")
            .column(SQLColumn("area_code", table: "c")).column(SQLColumn("called_at", table: "w"))
            .column(SQLColumn("deadline_at", table: "w")).column(SQLColumn("state", table: "w"))
            .column(SQLColumn("result", table: "w")).column(SQLColumn("finished_at", table: "w"))
            .column(SQLColumn("satisfaction", table: "w"))
            .from(SQLAlias(SQLIdentifier("hotline_work_orders"), as: SQLIdentifier("w")))
            .join(SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("case_id", table: "w"), .equal, SQLColumn("id", table: "c"))
            .where(SQLColumn("called_at", table: "w"), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("called_at", table: "w"), .lessThan, SQLBind(to))
            .where(SQLColumn("area_code", table: "c"), .greaterThanOrEqual, SQLBind(areaFrom))
            .where(SQLColumn("area_code", table: "c"), .lessThan, SQLBind(areaBelow))
            .orderBy(SQLColumn("called_at", table: "w")).orderBy(SQLColumn("work_order_number", table: "w"))
            .limit(limit).all()
            .map { try $0.decode(model: HotlineStatusRow.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
