import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Imports organisations from a CSV or XLSX file, keyed by their unified social credit code, with
/// the same report and all-or-nothing rule as the residents import.
public struct OrganizationImport: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    static let columns = ImportColumns(columns: [
        .init(field: "name", names: ["组织名称", "名称", "单位名称"], required: true),
        .init(field: "creditCode", names: ["统一社会信用代码", "信用代码"], required: true),
        .init(field: "kind", names: ["组织类型", "类型"], required: false),
        .init(field: "gridCode", names: ["网格编码", "所属网格编码"], required: true),
        .init(field: "address", names: ["地址", "注册地址", "经营地址"], required: true),
    ])

    public func run(data: Data, filename: String, allOrNothing: Bool = true, caller: Caller) async throws -> ImportReport {
        try caller.staff.require(.importData)
        try caller.staff.require(.editBaseData)
        let table = try ImportColumns.read(data, filename: filename)
        let (index, missing) = Self.columns.locate(in: table)
        var problems = ImportColumns.rowProblems(table) + missing
        guard missing.isEmpty else {
            return .refused(rows: table.rows.count, problems: problems)
        }
        let atlas = try await platform.areaAtlas()
        var valid: [ValidatedOrganization] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func cell(_ field: String) -> String? { index[field].map { row[$0] } }
            let organization: ValidatedOrganization
            do {
                organization = try OrganizationSubmission(
                    name: cell("name"), creditCode: cell("creditCode"), kind: cell("kind"), gridCode: cell("gridCode"),
                    address: cell("address")
                ).validate()
            } catch {
                if case .validation(let errors) = error {
                    problems += errors.map { ImportColumns.problem($0, row: row.number, index: index) }
                }
                continue
            }
            let code = organization.creditCode.rawValue
            if atlas.node(organization.gridCode.rawValue) == nil || !caller.staff.jurisdiction.contains(organization.gridCode) {
                problems.append(ImportColumns.problem(
                    FieldError(field: "gridCode", code: "unknown", message: "辖区内没有该网格"), row: row.number, index: index))
            } else if let first = seen[code] {
                problems.append(ImportColumns.problem(
                    FieldError(field: "creditCode", code: "duplicate_in_file", message: "与第\(first)行的统一社会信用代码重复"),
                    row: row.number, index: index))
            } else {
                seen[code] = row.number
                valid.append(organization)
            }
        }
        if allOrNothing, !problems.isEmpty {
            return .refused(rows: table.rows.count, problems: problems)
        }
        let kind = platform.database.kind
        let nowMs = platform.clock.now().millisecondsSince1970
        let counts = try await platform.database.write { [valid] db in
            let repository = OrganizationRepository(db, kind: kind)
            var counts = ImportCounts()
            for organization in valid {
                var record = OrganizationRecord(
                    name: organization.name, kind: organization.kind.rawValue, creditCode: organization.creditCode.rawValue,
                    gridCode: organization.gridCode.rawValue, address: organization.address, createdAt: nowMs)
                if let existing = try await repository.find(creditCode: record.creditCode) {
                    record.id = existing.id
                    record.createdAt = existing.createdAt
                    if existing == record {
                        counts.unchanged += 1
                    } else {
                        try await repository.update(record)
                        counts.updated += 1
                    }
                } else {
                    _ = try await repository.insert(record)
                    counts.created += 1
                }
            }
            try await AuditTrail.append(counts.auditEntry(caller, list: "organizations", filename: filename), at: nowMs,
                                        in: db, kind: kind)
            return counts
        }
        return .applied(rows: table.rows.count, counts: counts, problems: problems)
    }
}
