import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The optional filters of a worklist (state, kind, channel, urgency, reported-day range, category, area,
/// grid, department, overdue, supervised) and its sort, as sent. They narrow any list; the counts ignore them.
public struct CaseWorklistFilter: Sendable, Equatable {
    public var state: String?
    public var kind: String?
    public var channel: String?
    public var urgency: String?
    /// Reported on or after this day, `yyyy-MM-dd`.
    public var reportedFrom: String?
    /// Reported on or before this day, `yyyy-MM-dd`.
    public var reportedTo: String?
    /// A category code.
    public var category: String?
    /// An area code inside the jurisdiction (its subtree); one outside answers 404.
    public var area: String?
    /// A grid code inside the jurisdiction (its micro-grids too).
    public var grid: String?
    /// A department id: it leads or assists on the case.
    public var department: String?
    /// `1`/`true`: only cases whose clock is red (已超时).
    public var overdue: String?
    /// `1`/`true`: only cases under an open 督办 or 挂牌督办.
    public var supervised: String?
    /// `1`/`true`: only cases 办结 (closed or archived).
    public var closed: String?
    /// `1`/`true`: only cases 按时办结 (closed, no clock missed its deadline).
    public var closedOnTime: String?
    /// `1`/`true`: only cases a revisit rated.
    public var rated: String?
    /// `1`/`true`: only cases rated 满意 or 基本满意.
    public var satisfied: String?
    /// `1`/`true`: only cases resolved (closed at a ladder tier, not reopened).
    public var resolved: String?
    /// `1`/`true`: only cases resolved at the grid or village (村级化解).
    public var resolvedVillage: String?
    /// A department id: it leads the case (主办).
    public var lead: String?
    /// Cases in an open risk warning: `warning` (any level) or a level (`blue` … `red`: that level or higher).
    public var risk: String?
    /// `reported`, `due` or `urgency`; nil keeps the list's own order.
    public var sort: String?
    /// `asc` or `desc`; nil: newest, most urgent first, soonest deadline first.
    public var direction: String?

    public init(
        state: String? = nil, kind: String? = nil, channel: String? = nil, urgency: String? = nil,
        reportedFrom: String? = nil, reportedTo: String? = nil, category: String? = nil, area: String? = nil,
        grid: String? = nil, department: String? = nil, overdue: String? = nil, supervised: String? = nil,
        sort: String? = nil, direction: String? = nil, closed: String? = nil, closedOnTime: String? = nil,
        rated: String? = nil, satisfied: String? = nil, resolved: String? = nil, resolvedVillage: String? = nil,
        lead: String? = nil, risk: String? = nil
    ) {
        self.risk = Self.blankIsNil(risk)
        self.closed = Self.blankIsNil(closed)
        self.closedOnTime = Self.blankIsNil(closedOnTime)
        self.rated = Self.blankIsNil(rated)
        self.satisfied = Self.blankIsNil(satisfied)
        self.resolved = Self.blankIsNil(resolved)
        self.resolvedVillage = Self.blankIsNil(resolvedVillage)
        self.lead = Self.blankIsNil(lead)
        self.category = Self.blankIsNil(category)
        self.area = Self.blankIsNil(area)
        self.grid = Self.blankIsNil(grid)
        self.department = Self.blankIsNil(department)
        self.overdue = Self.blankIsNil(overdue)
        self.supervised = Self.blankIsNil(supervised)
        self.sort = Self.blankIsNil(sort)
        self.direction = Self.blankIsNil(direction)
        self.state = Self.blankIsNil(state)
        self.kind = Self.blankIsNil(kind)
        self.channel = Self.blankIsNil(channel)
        self.urgency = Self.blankIsNil(urgency)
        self.reportedFrom = Self.blankIsNil(reportedFrom)
        self.reportedTo = Self.blankIsNil(reportedTo)
    }

    /// One field error per value that is not a known choice or a valid day.
    func problems() -> [FieldError] {
        var problems: [FieldError] = []
        if let state, CaseState(rawValue: state) == nil {
            problems.append(FieldError(field: "state", code: "invalid_choice", message: "案件状态不在可选范围内"))
        }
        if let kind, CaseKind(rawValue: kind) == nil {
            problems.append(FieldError(field: "kind", code: "invalid_choice", message: "事件类型不在可选范围内"))
        }
        if let channel, Channel(rawValue: channel) == nil {
            problems.append(FieldError(field: "channel", code: "invalid_choice", message: "来源渠道不在可选范围内"))
        }
        if let urgency, Urgency(rawValue: urgency) == nil {
            problems.append(FieldError(field: "urgency", code: "invalid_choice", message: "紧急程度不在可选范围内"))
        }
        for (field, value, label) in [("reportedFrom", reportedFrom, "上报起始日期"), ("reportedTo", reportedTo, "上报截止日期")] {
            if let value, !Self.isDay(value) {
                problems.append(FieldError(field: field, code: "invalid_format", message: "\(label)应为 yyyy-MM-dd 格式的日期"))
            }
        }
        if let category, category.count > 64 || category.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            problems.append(FieldError(field: "category", code: "invalid_format", message: "事件分类编码无效"))
        }
        if let department, Int64(department).map({ $0 <= 0 }) ?? true {
            problems.append(FieldError(field: "department", code: "invalid_format", message: "部门应为部门编号(正整数)"))
        }
        if let lead, Int64(lead).map({ $0 <= 0 }) ?? true {
            problems.append(FieldError(field: "lead", code: "invalid_format", message: "主办部门应为部门编号(正整数)"))
        }
        let flags = [
            ("overdue", overdue, "已超时"), ("supervised", supervised, "督办"), ("closed", closed, "已办结"),
            ("closedOnTime", closedOnTime, "按时办结"), ("rated", rated, "已评价"), ("satisfied", satisfied, "满意"),
            ("resolved", resolved, "已化解"), ("resolvedVillage", resolvedVillage, "村级化解"),
        ]
        for (field, value, label) in flags {
            if let value, Self.flag(value) == nil {
                problems.append(FieldError(field: field, code: "invalid_choice", message: "“\(label)”筛选只能是 1 或 0"))
            }
        }
        if let risk, risk != "warning", RiskLevel(rawValue: risk) == nil {
            problems.append(FieldError(field: "risk", code: "invalid_choice", message: "风险筛选只能是 warning(有未办结预警)或预警等级"))
        }
        if let sort, CaseListRepository.SortKey(rawValue: sort) == nil {
            problems.append(FieldError(field: "sort", code: "invalid_choice", message: "排序只能是 reported(上报时间)、due(办理期限)或 urgency(紧急程度)"))
        }
        if let direction, !["asc", "desc"].contains(direction) {
            problems.append(FieldError(field: "direction", code: "invalid_choice", message: "排序方向只能是 asc(升序)或 desc(降序)"))
        }
        if direction != nil, sort == nil {
            problems.append(FieldError(field: "direction", code: "invalid_choice", message: "指定排序方向时须同时指定排序字段"))
        }
        if problems.isEmpty, let from = reportedFrom, let to = reportedTo, from > to {
            problems.append(FieldError(field: "reportedTo", code: "out_of_range", message: "上报截止日期不能早于起始日期"))
        }
        return problems
    }

    /// `1`/`true`/`on` is true, `0`/`false`/`off` false, anything else nil.
    static func flag(_ text: String?) -> Bool? {
        switch text?.lowercased() {
        case nil: false
        case "1", "true", "on": true
        case "0", "false", "off": false
        default: nil
        }
    }

    /// The warning levels the risk filter takes: every level for `warning`, else the level named and those above.
    var riskLevels: [String]? {
        guard let risk else { return nil }
        let lowest = RiskLevel(rawValue: risk) ?? .blue
        return RiskLevel.allCases.filter { $0 >= lowest }.map(\.rawValue)
    }

    /// The sort asked for; nil keeps the list's own order. Call after `problems()` came back empty.
    var order: CaseListRepository.Order? {
        guard let sort, let key = CaseListRepository.SortKey(rawValue: sort) else { return nil }
        let descending = direction.map { $0 == "desc" } ?? (key != .due)
        return .sorted(key, descending: descending)
    }

    /// Whether any filter narrows the list (the sort aside).
    public var isNarrowing: Bool {
        [state, kind, channel, urgency, reportedFrom, reportedTo, category, area, grid, department, lead, risk].contains { $0 != nil }
            || [overdue, supervised, closed, closedOnTime, rated, satisfied, resolved, resolvedVillage]
                .contains { Self.flag($0) == true }
    }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return false }
        return true
    }

    static func blankIsNil(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
