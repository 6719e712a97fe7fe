import Crypto
import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Imports a batch of 12345 work orders (CSV, XLSX or JSON, read through a column-mapping profile):
/// every good row becomes a case through the case engine (channel 12345热线, reported at the call time,
/// contact sealed and masked, placed by its address like any intake, kind and category from the type
/// table), linked to its work-order number in the same transaction. A number is imported once: the
/// same order again is "already imported", the same number with other content is reported and left
/// alone. Bad rows are reported cell by cell and the rest imported (each work order stands alone, and
/// importing the corrected file again adds only what was missing). Who may: `importData` with
/// `acceptCases` (people and API tokens alike); rows placed outside the importer's jurisdiction are
/// row errors. The batch is recorded and audited (`hotline.import`).
public struct HotlineImport: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// Largest file, and most work orders in one batch (each is one transaction; a larger batch would
    /// keep a browser waiting too long).
    public static let maximumBytes = 10 * 1024 * 1024
    public static let maximumRows = 2_000

    /// A row that passed every check before the engine: the order, and the opening the engine gets.
    struct Candidate {
        let row: Int
        let order: HotlineWorkOrder
        let opening: CaseOpening
        let hash: String
        /// How the report names the column of each field in this row.
        let labels: [HotlineField: String]
    }

    /// The columns of each field: every header cell (or JSON key) that is one of the profile's names, in
    /// the profile's order. A row takes a field from the first of them that holds a value, so a JSON batch
    /// may mix key names from one item to the next.
    static func columns(of mapping: HotlineColumnMapping, in sheet: HotlineSheet) -> [HotlineField: [Int]] {
        var index: [HotlineField: [Int]] = [:]
        for field in HotlineField.allCases {
            index[field] = mapping.names(for: field).compactMap { sheet.table.columnIndex(named: $0) }
        }
        return index
    }

    public func run(data: Data, filename: String, profile: String? = nil, caller: Caller) async throws -> HotlineBatchReport {
        try HotlineSettings.requireDesk(caller)
        let filename = String(filename.prefix(200))
        let sheet = try HotlineSheet.read(data, filename: filename, maxBytes: Self.maximumBytes, maxRows: Self.maximumRows)
        let profileName = profile.flatMap { $0.isEmpty ? nil : $0 } ?? HotlineColumnMapping.standardName
        let (mapping, types) = try await platform.database.read { db in
            (try await HotlineSettings.profile(named: profileName, in: db), try await HotlineSettings.typeMapping(in: db))
        }
        guard let mapping else {
            throw DomainError.validation([FieldError(field: "profile", code: "unknown", message: "没有名为“\(profileName.prefix(40))”的导入方案")])
        }
        let index = Self.columns(of: mapping, in: sheet)
        let missing = HotlineField.allCases.filter { $0.isRequired && (index[$0] ?? []).isEmpty }
        guard missing.isEmpty else {
            let problems = missing.map { field in
                ImportReport.Problem(row: nil, column: nil, field: field.rawValue, code: "missing_column",
                                     message: "缺少“\(field.chineseName)”列(方案“\(mapping.name)”中的列名:\(mapping.text(for: field)))")
            }
            return HotlineBatchReport(
                batchId: nil, filename: filename, format: sheet.format.rawValue, profile: mapping.name,
                rows: sheet.table.rows.count, created: 0, alreadyImported: 0, changed: 0, failed: sheet.table.rows.count,
                items: [], problems: problems, applied: false)
        }
        var check = HotlineRowCheck(sheet: sheet, index: index, types: types, staff: caller.staff,
                                    atlas: try await platform.areaAtlas(),
                                    now: Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970))
        let candidates = try sheet.table.rows.compactMap { try check.candidate($0) }
        var problems = sheet.rowProblems + check.problems

        let batchId = try await startBatch(filename: filename, format: sheet.format, profile: mapping.name, caller: caller)
        var items: [HotlineBatchReport.Item] = []
        let linked = try await platform.database.read { db in
            try await HotlineRepository(db).links(numbers: candidates.map { $0.order.number })
        }
        let engine = CaseEngine(platform: platform)
        for candidate in candidates {
            if let link = linked[candidate.order.number] {
                let (item, problem) = check.existing(link, for: candidate)
                items.append(item)
                if let problem { problems.append(problem) }
                continue
            }
            do {
                let view = try await engine.open(
                    candidate.opening, idempotencyKey: nil, caller: caller, suggestsDuplicates: false,
                    alongside: Self.linking(candidate, batchId: batchId))
                items.append(.init(row: candidate.row, workOrderNumber: candidate.order.number, outcome: "created",
                                   caseNumber: view.number))
            } catch is AlreadyLinked {
                // Imported meanwhile by a concurrent batch.
                let link = try await platform.database.read { db in
                    try await HotlineRepository(db).links(numbers: [candidate.order.number])[candidate.order.number]
                }
                guard let link else { throw AlreadyLinked() }
                let (item, problem) = check.existing(link, for: candidate)
                items.append(item)
                if let problem { problems.append(problem) }
            } catch DomainError.validation(let errors) {
                problems += errors.map { check.problem($0, row: candidate.row, labels: candidate.labels) }
            }
        }
        problems.sort { ($0.row ?? 0, $0.column ?? "") < ($1.row ?? 0, $1.column ?? "") }
        let created = items.filter { $0.outcome == "created" }.count
        let already = items.filter { $0.outcome == "already_imported" }.count
        let changed = items.filter { $0.outcome == "changed" }.count
        let rows = sheet.table.rows.count + sheet.rowProblems.count
        let report = HotlineBatchReport(
            batchId: batchId, filename: filename, format: sheet.format.rawValue, profile: mapping.name, rows: rows,
            created: created, alreadyImported: already, changed: changed, failed: rows - created - already - changed,
            items: items, problems: problems, applied: true)
        try await finishBatch(report, caller: caller)
        return report
    }

    /// Links the work order to its new case inside the case's transaction; throws `AlreadyLinked` (and so
    /// writes nothing) when its number was linked meanwhile.
    static func linking(_ candidate: Candidate, batchId: Int64)
        -> @Sendable (any SQLDatabase, Int64, CaseRecord) async throws -> Void
    {
        let order = candidate.order
        let hash = candidate.hash
        return { db, caseId, record in
            let linked = try await HotlineRepository(db).link(HotlineWorkOrderRecord(
                workOrderNumber: order.number, caseId: caseId, batchId: batchId, contentHash: hash,
                calledAt: order.calledAt.millisecondsSince1970, deadlineAt: order.deadline?.millisecondsSince1970,
                requestType: order.requestType, state: record.state, statusChangedAt: record.updatedAt,
                createdAt: record.updatedAt))
            guard linked else { throw AlreadyLinked() }
        }
    }

    struct AlreadyLinked: Error {}

    /// SHA-256 of the order's canonical content, in hex.
    static func hash(_ order: HotlineWorkOrder) -> String {
        SHA256.hash(data: Data(order.canonicalText.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private func startBatch(filename: String, format: HotlineSheet.Format, profile: String, caller: Caller) async throws -> Int64 {
        let staff = caller.staff
        let record = HotlineBatchRecord(
            filename: filename, format: format.rawValue, profile: profile, areaCode: staff.jurisdiction.root.rawValue,
            accountId: staff.isMachine ? nil : staff.accountID, actor: staff.username,
            startedAt: platform.clock.now().millisecondsSince1970)
        return try await platform.database.write { db in try await HotlineRepository(db).insert(record) }
    }

    private func finishBatch(_ report: HotlineBatchReport, caller: Caller) async throws {
        guard let id = report.batchId else { return }
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let problems = String(decoding: try JSONEncoder().encode(report.problems), as: UTF8.self)
        try await platform.database.write { db in
            let repository = HotlineRepository(db)
            guard var batch = try await repository.batch(id: id) else { return }
            batch.rowCount = report.rows
            batch.created = report.created
            batch.alreadyImported = report.alreadyImported
            batch.changed = report.changed
            batch.failed = report.failed
            batch.problems = problems
            batch.finishedAt = now
            try await repository.finish(batch)
            try await AuditTrail.append(
                AuditEntry(caller, action: "hotline.import", objectType: "hotline_batch", objectID: String(id),
                           summary: AuditEntry.summary([
                               "filename": report.filename, "rows": report.rows, "created": report.created,
                               "alreadyImported": report.alreadyImported, "changed": report.changed, "failed": report.failed,
                           ])),
                at: now, in: db, kind: kind)
        }
    }
}
