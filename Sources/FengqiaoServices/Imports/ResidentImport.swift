import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// Imports residents from a CSV or XLSX file. Columns are found by their Chinese headers; every row
/// is validated as a form would be; a row's natural key is its ID number, so importing the same file
/// again changes nothing. By default a file is all or nothing: one bad row and nothing is written,
/// and the report lists every problem with its row and column.
public struct ResidentImport: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The columns a file may have, by field, with the header names accepted for each.
    static let columns = ImportColumns(columns: [
        .init(field: "name", names: ["姓名"], required: true),
        .init(field: "idNumber", names: ["公民身份号码", "身份证号", "身份证号码"], required: true),
        .init(field: "phone", names: ["联系电话", "手机号", "电话"], required: false),
        .init(field: "gridCode", names: ["网格编码", "所属网格编码"], required: true),
        .init(field: "address", names: ["居住地址", "地址", "现住址"], required: true),
        .init(field: "relation", names: ["与户主关系"], required: false),
        .init(field: "tags", names: ["标签", "人员标签"], required: false),
    ])

    public func run(data: Data, filename: String, allOrNothing: Bool = true, caller: Caller) async throws -> ImportReport {
        try caller.staff.require(.importData)
        try caller.staff.require(.editBaseData)
        let table = try ImportColumns.read(data, filename: filename)
        let (index, missing) = Self.columns.locate(in: table)
        var problems = ImportColumns.rowProblems(table) + missing
        guard !problems.contains(where: { $0.code == "missing_column" }) else {
            return .refused(rows: table.rows.count, problems: problems)
        }
        let atlas = try await platform.areaAtlas()
        var valid: [ValidatedResident] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func cell(_ field: String) -> String? { index[field].map { row[$0] } }
            let submission = ResidentSubmission(
                name: cell("name"), idNumber: cell("idNumber"), phone: cell("phone"), gridCode: cell("gridCode"),
                address: cell("address"), relation: cell("relation"),
                tags: cell("tags")?.split(whereSeparator: { ",，、;； ".contains($0) }).map(String.init))
            let resident: ValidatedResident
            do {
                resident = try submission.validate()
            } catch {
                if case .validation(let errors) = error {
                    problems += errors.map { ImportColumns.problem($0, row: row.number, index: index) }
                }
                continue
            }
            guard let node = atlas.node(resident.gridCode.rawValue), node.level >= .grid,
                  caller.staff.jurisdiction.contains(resident.gridCode)
            else {
                problems.append(ImportColumns.problem(FieldError(field: "gridCode", code: "unknown", message: "辖区内没有该网格"),
                                             row: row.number, index: index))
                continue
            }
            if let first = seen[resident.idNumber.rawValue] {
                problems.append(ImportColumns.problem(FieldError(field: "idNumber", code: "duplicate_in_file",
                                                        message: "与第\(first)行的公民身份号码重复"),
                                             row: row.number, index: index))
                continue
            }
            seen[resident.idNumber.rawValue] = row.number
            valid.append(resident)
        }
        if allOrNothing, !problems.isEmpty {
            return .refused(rows: table.rows.count, problems: problems)
        }
        let counts = try await write(valid, filename: filename, caller: caller)
        return .applied(rows: table.rows.count, counts: counts, problems: problems)
    }

    /// Creates new people, updates changed ones, leaves identical ones alone; one transaction, audited.
    private func write(_ residents: [ValidatedResident], filename: String, caller: Caller) async throws -> ImportCounts {
        let cipher = platform.cipher
        let kind = platform.database.kind
        let nowMs = platform.clock.now().millisecondsSince1970
        return try await platform.database.write { db in
            let people = PeopleRepository(db, kind: kind)
            var counts = ImportCounts()
            for resident in residents {
                let existing = try await people.find(idNumberIndex: cipher.blindIndex(resident.idNumber.rawValue))
                let phone = try existing?.phoneCipher.map { try cipher.open($0) }
                if let existing, existing.name == resident.name, existing.gridCode == resident.gridCode.rawValue,
                   existing.address == resident.address, phone == resident.phone?.rawValue,
                   existing.relation == resident.relation?.rawValue, existing.tags == resident.storedTags {
                    counts.unchanged += 1
                    continue
                }
                let household = try await people.household(
                    gridCode: resident.gridCode.rawValue, address: resident.address,
                    dwellingUse: DwellingUse.ownerOccupied.rawValue, at: nowMs)
                var record = try PersonRecord(sealing: resident, with: cipher, at: existing?.createdAt ?? nowMs)
                record.householdId = household
                if let existing {
                    record.id = existing.id
                    try await people.update(record)
                    counts.updated += 1
                } else {
                    _ = try await people.insert(record)
                    counts.created += 1
                }
            }
            try await AuditTrail.append(counts.auditEntry(caller, list: "people", filename: filename), at: nowMs, in: db,
                                        kind: kind)
            return counts
        }
    }
}
