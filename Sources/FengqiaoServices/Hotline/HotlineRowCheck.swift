import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// Checks the rows of one batch before any is imported: each row's own cells, its type, what the case
/// engine will ask of it, where it would be filed (inside the importer's jurisdiction), and numbers
/// repeated inside the file. Collects every problem, cell by cell.
struct HotlineRowCheck {
    let sheet: HotlineSheet
    /// The columns of each field, in the profile's order.
    let index: [HotlineField: [Int]]
    let types: HotlineTypeMapping
    let staff: Staff
    let atlas: AreaAtlas
    let now: Date
    private(set) var problems: [ImportReport.Problem] = []
    private var firstRow: [String: Int] = [:]

    init(sheet: HotlineSheet, index: [HotlineField: [Int]], types: HotlineTypeMapping, staff: Staff, atlas: AreaAtlas, now: Date) {
        self.sheet = sheet
        self.index = index
        self.types = types
        self.staff = staff
        self.atlas = atlas
        self.now = now
    }

    /// The row as a candidate for import, or nil when it has problems (recorded). Throws only when no
    /// row can be filed at all (the platform has no areas yet).
    mutating func candidate(_ row: SheetRow) throws -> HotlineImport.Candidate? {
        var values: [HotlineField: String] = [:]
        var labels: [HotlineField: String] = [:]
        for field in HotlineField.allCases {
            let columns = index[field] ?? []
            guard let column = columns.first(where: { !row[$0].trimmingCharacters(in: .whitespaces).isEmpty }) ?? columns.first
            else { continue }
            values[field] = row[column]
            labels[field] = sheet.label(column: column)
        }
        var errors: [FieldError] = []
        let number = values[.workOrderNumber]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !number.isEmpty {
            if let first = firstRow[number] {
                errors.append(FieldError(field: HotlineField.workOrderNumber.rawValue, code: "duplicate_in_file",
                                         message: "与第\(first)\(sheet.format == .json ? "条" : "行")的工单编号重复"))
            } else {
                firstRow[number] = row.number
            }
        }
        var order: HotlineWorkOrder?
        switch HotlineWorkOrderSubmission(values: values).validate() {
        case .success(let valid): order = valid
        case .failure(.validation(let fields)): errors += fields
        case .failure(let other): errors.append(FieldError(field: "file", code: other.code, message: other.message))
        }
        let requestType = values[.requestType]?.trimmingCharacters(in: .whitespacesAndNewlines)
        let target = types.target(for: requestType)
        if target == nil {
            let shown = (requestType ?? "").isEmpty ? "诉求类型为空" : "诉求类型“\((requestType ?? "").prefix(40))”不在对应表中"
            errors.append(FieldError(field: HotlineField.requestType.rawValue, code: "unknown_type",
                                     message: "\(shown),且未设置兜底分类"))
        }
        let phone = values[.phone].flatMap { PhoneNumber(HotlineWorkOrderSubmission.normalisedPhone($0)) }
        let opening = CaseOpening(
            channel: Channel.hotline12345.rawValue, kind: target?.kind.rawValue, category: target?.category,
            description: values[.content], address: values[.address], contactName: values[.requester],
            contactPhone: phone?.rawValue, reportedAt: order?.calledAt ?? values[.calledAt].flatMap { HotlineTime.parse($0) })
        let (report, engineErrors) = Self.engineCheck(opening, now: now)
        let named = Set(errors.map(\.field))
        errors += engineErrors.filter { !named.contains(Self.field(of: $0.field).rawValue) }
        if errors.isEmpty, let report {
            errors += try Self.placementErrors(report, staff: staff, atlas: atlas)
        }
        guard errors.isEmpty, let order else {
            problems += errors.map { problem($0, row: row.number, labels: labels) }
            return nil
        }
        return HotlineImport.Candidate(row: row.number, order: order, opening: opening, hash: HotlineImport.hash(order),
                                       labels: labels)
    }

    /// The report the engine makes of `opening`, or its field errors.
    static func engineCheck(_ opening: CaseOpening, now: Date) -> (ValidatedReport?, [FieldError]) {
        let result: Result<ValidatedReport, DomainError> = Result { () throws(DomainError) -> ValidatedReport in
            try CaseEngine.validate(opening, now: now).0
        }
        switch result {
        case .success(let report): return (report, [])
        case .failure(.validation(let fields)): return (nil, fields)
        case .failure(let other): return (nil, [FieldError(field: "file", code: other.code, message: other.message)])
        }
    }

    /// The field errors of filing `report` for `staff` (outside the jurisdiction); other errors (no areas
    /// configured at all) are thrown.
    static func placementErrors(_ report: ValidatedReport, staff: Staff, atlas: AreaAtlas) throws -> [FieldError] {
        do {
            _ = try CaseEngine.filing(report, staff: staff, atlas: atlas)
            return []
        } catch let error as DomainError {
            guard case .validation(let fields) = error else { throw error }
            return fields
        }
    }

    /// The outcome of a candidate whose number is already linked: the same content is "already
    /// imported"; other content is "changed", reported and not written.
    func existing(_ link: HotlineLink, for candidate: HotlineImport.Candidate)
        -> (HotlineBatchReport.Item, ImportReport.Problem?)
    {
        let visible = staff.jurisdiction.contains(link.gridCode ?? link.areaCode) ? link.caseNumber : nil
        guard link.contentHash != candidate.hash else {
            return (.init(row: candidate.row, workOrderNumber: candidate.order.number, outcome: "already_imported",
                          caseNumber: visible), nil)
        }
        let problem = problem(FieldError(
            field: HotlineField.workOrderNumber.rawValue, code: "changed_after_import",
            message: "该工单已导入\(visible.map { "为案件\($0)" } ?? ""),但内容与导入时不同;未覆盖原案件,如有变化请在案件中处理"),
            row: candidate.row, labels: candidate.labels)
        return (.init(row: candidate.row, workOrderNumber: candidate.order.number, outcome: "changed", caseNumber: visible),
                problem)
    }

    /// A problem at `row`, in the column of the error's field (engine fields named as work-order fields).
    func problem(_ error: FieldError, row: Int, labels: [HotlineField: String]) -> ImportReport.Problem {
        let field = Self.field(of: error.field)
        let column = labels[field]
        if ["gridCode", "location", "latitude", "longitude"].contains(error.field) {
            return .init(row: row, column: column, field: field.rawValue, code: "outside_jurisdiction",
                         message: "地址无法定位到您辖区内的网格或社区")
        }
        return .init(row: row, column: column, field: field.rawValue, code: error.code, message: error.message)
    }

    /// The work-order field an error is about: its own, or the one the engine's field came from.
    static func field(of name: String) -> HotlineField {
        if let field = HotlineField(rawValue: name) { return field }
        switch name {
        case "description": return .content
        case "contactName": return .requester
        case "contactPhone": return .phone
        case "reportedAt": return .calledAt
        case "kind", "category": return .requestType
        default: return .address
        }
    }
}
