import FengqiaoDomain
import FengqiaoStore
import Foundation

/// 综治工作报告: 日报, 周报 and 月报 made each night for every area with a 综治中心 and on demand, 专报 on a chosen
/// category, area and period. A report is made once (`ReportBuilder`) and stored with its figures, then listed, shown,
/// printed (PDF) and exported (XLSX) from what was stored; every download is audited.
///
/// Who reads reports: whoever sees risk warnings (`RiskWarnings.mayView`: 受理、调度、领导、调解、信访 — staff who see the
/// centre's whole picture, not department or grid staff). Who makes one on demand: those who supervise or accept
/// cases (调度员、领导、受理员、信访接待员). Reports of areas outside the jurisdiction are "not found".
public struct Reports: Sendable {
    let platform: Platform
    public static let pageSize = 50
    /// The author of the reports the nightly job makes.
    public static let scheduler = "系统定时生成"

    public init(platform: Platform) { self.platform = platform }

    public static func mayView(_ staff: Staff) -> Bool { RiskWarnings.mayView(staff) }

    public static func mayGenerate(_ staff: Staff) -> Bool {
        mayView(staff) && [Permission.superviseCases, .acceptCases].contains(where: staff.may)
    }

    static func requireView(_ staff: Staff) throws {
        guard mayView(staff) else { throw DomainError.forbidden(permission: .superviseCases) }
    }

    /// Makes and stores a report (audited `report.generate`); returns it.
    public func generate(_ request: ReportRequest, caller: Caller) async throws -> StoredReport {
        let staff = caller.staff
        guard Self.mayGenerate(staff) else { throw DomainError.forbidden(permission: .superviseCases) }
        let topic = try await topic(request, staff: staff)
        let snapshot = try await ReportBuilder(platform: platform).snapshot(
            topic, maker: staff.displayName, includesMediations: MediationCases.seesMediations(staff))
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let record = try Self.record(snapshot, scheduleKey: nil, at: now)
        let stored = try await platform.database.write { db in
            let stored = try await ReportRepository(db).insert(record, numberPrefix: snapshot.kind.numberPrefix)
            try await AuditTrail.append(
                AuditEntry(caller, action: "report.generate", objectType: "report", objectID: stored.number,
                           summary: AuditEntry.summary([
                               "kind": snapshot.kind.rawValue, "area": snapshot.areaCode, "from": snapshot.from,
                               "to": snapshot.to, "category": snapshot.category ?? "",
                           ])),
                at: now, in: db, kind: kind)
            return stored
        }
        return try Self.stored(stored)
    }

    /// The reports of the jurisdiction (of `kind` when given), newest first.
    public func list(kind: String?, before: String?, caller: Caller) async throws -> ReportListPage {
        let staff = caller.staff
        try Self.requireView(staff)
        let kindFilter = try kind.flatMap { text -> String? in
            let text = text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard ReportKind(rawValue: text) != nil else {
                throw DomainError.validation([FieldError(field: "kind", code: "unknown", message: "没有这种报告类型")])
            }
            return text
        }
        let atlas = try await platform.areaAtlas()
        let limit = Self.pageSize
        let rows = try await platform.database.read { db in
            try await ReportRepository(db).list(prefix: staff.jurisdiction.prefix, kind: kindFilter,
                                                before: before.flatMap { Int64($0) }, limit: limit + 1)
        }
        let page = Array(rows.prefix(limit))
        return ReportListPage(
            items: page.map { r in
                .init(number: r.number, kind: ReportKind(rawValue: r.kind) ?? .special, title: r.title, areaCode: r.areaCode,
                      areaName: atlas.node(r.areaCode)?.name ?? r.areaCode, from: r.periodFrom, to: r.periodTo,
                      createdBy: r.createdBy, createdAt: Date(millisecondsSince1970: r.createdAt), scheduled: r.scheduleKey != nil)
            },
            next: rows.count > limit ? page.last?.id.map(String.init) : nil, mayGenerate: Self.mayGenerate(staff))
    }

    /// Report `number`, if its area lies inside the jurisdiction.
    public func view(_ number: String, caller: Caller) async throws -> StoredReport {
        try Self.requireView(caller.staff)
        let record = try await platform.database.read { db in try await ReportRepository(db).find(number: number) }
        guard let record, caller.staff.jurisdiction.contains(record.areaCode) else {
            throw DomainError.notFound(what: "该报告")
        }
        return try Self.stored(record)
    }

    /// Report `number` for a download as `format` (`pdf`, `xlsx`), audited `report.download`.
    public func download(_ number: String, format: String, caller: Caller) async throws -> StoredReport {
        let report = try await view(number, caller: caller)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: "report.download", objectType: "report", objectID: number,
                           summary: AuditEntry.summary(["format": format, "area": report.snapshot.areaCode])),
                at: now, in: db, kind: kind)
        }
        return report
    }

    /// The report as an XLSX workbook, audited as a download.
    public func workbook(_ number: String, caller: Caller) async throws -> (report: StoredReport, data: Data) {
        let report = try await download(number, format: "xlsx", caller: caller)
        return (report, try ReportWorkbook.data(report))
    }

    /// Makes the scheduled reports due on `today` for every area with a 综治中心 that does not have them yet; returns
    /// how many it stored. Running it again stores nothing new.
    @discardableResult
    public func runSchedule(today: CivilDate) async throws -> Int {
        let atlas = try await platform.areaAtlas()
        let areas = try await platform.database.read { try await ReportRepository($0).centerAreas() }
        var stored = 0
        for area in areas {
            guard let node = atlas.node(area), node.level < .grid else { continue }
            for (kind, period) in ReportKind.due(on: today) {
                let key = "\(kind.rawValue):\(area):\(period.first)"
                let exists = try await platform.database.read { try await ReportRepository($0).hasScheduled(key) }
                if exists { continue }
                let snapshot = try await ReportBuilder(platform: platform).snapshot(
                    .init(kind: kind, period: period, areaCode: area, areaName: node.name),
                    maker: Self.scheduler, includesMediations: true)
                let record = try Self.record(snapshot, scheduleKey: key, at: platform.clock.now().millisecondsSince1970)
                let inserted = try await platform.database.write { db -> Bool in
                    let reports = ReportRepository(db)
                    guard try await !reports.hasScheduled(key) else { return false }
                    _ = try await reports.insert(record, numberPrefix: kind.numberPrefix)
                    return true
                }
                if inserted { stored += 1 }
            }
        }
        return stored
    }

    // MARK: Helpers

    /// The checked topic of a request: every problem of the form at once; an area outside the jurisdiction or not
    /// on the map is "not found".
    func topic(_ request: ReportRequest, staff: Staff) async throws -> ReportBuilder.Topic {
        var errors: [FieldError] = []
        let kindText = Self.text(request.kind)
        let kind = kindText.flatMap(ReportKind.init(rawValue:))
        if kindText == nil {
            errors.append(.required("kind", label: "报告类型"))
        } else if kind == nil {
            errors.append(FieldError(field: "kind", code: "unknown", message: "没有这种报告类型"))
        }
        let first = CivilDate.field(request.from, field: "from", label: kind == .special ? "开始日期" : "统计日期",
                                    errors: &errors)
        let last = kind == .special ? CivilDate.field(request.to, field: "to", label: "结束日期", errors: &errors) : nil
        var period: ReportingPeriod?
        if let kind, let first, kind != .special || last != nil {
            let today = CivilDate(containing: platform.clock.now())
            if let last, last < first {
                errors.append(FieldError(field: "to", code: "before_start", message: "结束日期不能早于开始日期"))
            } else if let p = kind.period(day: first, last: last) {
                if p.first > today {
                    errors.append(FieldError(field: "from", code: "future", message: "统计期间不能晚于今天"))
                } else {
                    period = p
                }
            } else {
                errors.append(FieldError(field: "to", code: "too_long", message: "统计期间最长\(ReportingPeriod.longestDays)天"))
            }
        }
        var category: (code: String, name: String)?
        if let code = Self.text(request.category) {
            let names = try await CaseCategories(platform: platform).names()
            if let name = names[code] ?? CaseKind(rawValue: code)?.chineseName {
                category = (code, name)
            } else {
                errors.append(FieldError(field: "category", code: "unknown", message: "没有这个事件分类"))
            }
        }
        // The area last: one outside the jurisdiction is "not found" whatever else is wrong.
        let scope = try staff.scope(Self.text(request.area))
        let atlas = try await platform.areaAtlas()
        guard let node = atlas.node(scope.root.rawValue), node.level < .grid else { throw DomainError.notFound(what: "该区域") }
        guard errors.isEmpty, let kind, let period else { throw DomainError.validation(errors) }
        return .init(kind: kind, period: period, areaCode: node.code, areaName: node.name, category: category?.code,
                     categoryName: category?.name)
    }

    /// Trimmed text; nil when empty or absent.
    static func text(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    static func record(_ snapshot: ReportSnapshot, scheduleKey: String?, at: Int64) throws -> ReportRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        let json = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
        return ReportRecord(number: "", kind: snapshot.kind.rawValue, areaCode: snapshot.areaCode, periodFrom: snapshot.from,
                            periodTo: snapshot.to, topic: snapshot.category, title: snapshot.title, snapshot: json,
                            createdBy: snapshot.generatedBy, createdAt: at, scheduleKey: scheduleKey)
    }

    static func stored(_ record: ReportRecord) throws -> StoredReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        let snapshot = try decoder.decode(ReportSnapshot.self, from: Data(record.snapshot.utf8))
        return StoredReport(number: record.number, title: record.title, createdBy: record.createdBy,
                            createdAt: Date(millisecondsSince1970: record.createdAt), scheduled: record.scheduleKey != nil,
                            snapshot: snapshot)
    }
}
