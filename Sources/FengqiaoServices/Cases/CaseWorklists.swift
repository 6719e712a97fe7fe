import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The case worklists (see `CaseWorklist` for what each holds): scoped to the caller's jurisdiction in
/// SQL, keyset-paged in a stable order (the cursor is the last row's sort key and id), and counted.
public struct CaseWorklists: Sendable {
    let platform: Platform

    public static let maximumLimit = 100

    public init(platform: Platform) { self.platform = platform }

    /// A page of `list` narrowed by `filter`, after `cursor` (the previous page's `next`).
    public func page(
        _ list: CaseWorklist, filter: CaseWorklistFilter = CaseWorklistFilter(), cursor: String? = nil, limit: Int = 50,
        caller: Caller
    ) async throws -> CaseWorklistPage {
        let (built, order) = try query(list, filter: filter, caller: caller)
        var problems: [FieldError] = []
        if !(1...Self.maximumLimit).contains(limit) {
            problems.append(FieldError(field: "limit", code: "out_of_range", message: "每页条数应在1到\(Self.maximumLimit)之间"))
        }
        let after = Self.parseCursor(cursor, order: order)
        if after == nil, let cursor, !cursor.isEmpty {
            problems.append(FieldError(field: "cursor", code: "invalid_format", message: "分页游标无效,请从第一页重新开始"))
        }
        guard problems.isEmpty else { throw DomainError.validation(problems) }
        let (rows, departments, categories) = try await platform.database.read { db in
            let rows = try await CaseListRepository(db).page(built, order: order, after: after, limit: limit)
            let names = try await Self.names(rows, db: db)
            return (rows, names.departments, names.categories)
        }
        let next = rows.count == limit ? rows.last.map { Self.cursor($0, order: order) } : nil
        return CaseWorklistPage(
            cases: rows.map { CaseWorklistItem($0, departments: departments, categories: categories) }, next: next)
    }

    /// The repository filter and order of `list` narrowed by `filter` for `caller`: validated (field errors),
    /// scoped to the jurisdiction (an area or grid outside it is "not found"), shared by the pages and the export.
    func query(
        _ list: CaseWorklist, filter: CaseWorklistFilter, caller: Caller
    ) throws -> (CaseListRepository.Filter, CaseListRepository.Order) {
        try caller.staff.require(.viewCases)
        var problems = filter.problems()
        var within: [CaseListRepository.Filter.Subtree] = []
        if problems.isEmpty, let area = filter.area {
            let scope = try caller.staff.scope(area)
            within.append(.init(prefix: scope.prefix, byGrid: scope.level >= .grid))
        }
        if problems.isEmpty, let grid = filter.grid {
            let scope = try caller.staff.scope(grid)
            if scope.level >= .grid {
                within.append(.init(prefix: scope.prefix, byGrid: true))
            } else {
                problems.append(FieldError(field: "grid", code: "invalid_choice", message: "网格编码应为网格或微网格的编码"))
            }
        }
        guard problems.isEmpty else { throw DomainError.validation(problems) }
        guard var query = try Self.filter(list, staff: caller.staff) else {
            throw DomainError.forbidden(permission: .handleCases)
        }
        query.states = Self.narrowed(query.states, to: filter.state)
        query.kind = filter.kind
        query.channel = filter.channel
        query.urgency = filter.urgency
        query.reportedFrom = filter.reportedFrom
        query.reportedTo = filter.reportedTo
        query.category = filter.category
        query.within = within
        query.department = filter.department.flatMap { Int64($0) }
        if CaseWorklistFilter.flag(filter.overdue) == true { query.clockStatus = "overdue" }
        if CaseWorklistFilter.flag(filter.supervised) == true {
            query.supervisions = [SupervisionKind.order.rawValue, SupervisionKind.listed.rawValue]
        }
        query.leadDepartment = filter.lead.flatMap { Int64($0) }
        query.closed = CaseWorklistFilter.flag(filter.closed) == true
        query.closedOnTime = CaseWorklistFilter.flag(filter.closedOnTime) == true
        query.rated = CaseWorklistFilter.flag(filter.rated) == true
        query.satisfied = CaseWorklistFilter.flag(filter.satisfied) == true
        query.resolved = CaseWorklistFilter.flag(filter.resolved) == true
        query.resolvedVillage = CaseWorklistFilter.flag(filter.resolvedVillage) == true
        query.riskLevels = filter.riskLevels
        return (query, filter.order ?? Self.order(list))
    }

    /// The names of the rows' lead departments and categories.
    static func names(
        _ rows: [CaseListRepository.Row], db: any SQLDatabase
    ) async throws -> (departments: [Int64: String], categories: [String: String]) {
        let ids = Array(Set(rows.compactMap(\.leadDepartmentId)))
        let departments = try await CaseEngineRepository(db).departmentNames(ids)
        var categories: [String: String] = [:]
        for record in try await CaseCategoryRepository(db).all() { categories[record.code] = record.name }
        return (departments, categories)
    }

    /// How many cases `list` narrowed by `filter` holds (what the list's pages show, all together).
    public func count(_ list: CaseWorklist, filter: CaseWorklistFilter, caller: Caller) async throws -> Int {
        let (query, _) = try query(list, filter: filter, caller: caller)
        return try await platform.database.read { db in try await CaseListRepository(db).count(query) }
    }

    /// The departments the caller may filter by: those of the jurisdiction (the list's `department` choices).
    public func departments(caller: Caller) async throws -> [(id: Int64, name: String)] {
        try caller.staff.require(.viewCases)
        let prefix = caller.staff.jurisdiction.prefix
        return try await platform.database.read { db in try await CaseListRepository(db).departments(prefix: prefix) }
    }

    /// How many cases each list holds for `caller` (unfiltered).
    public func counts(caller: Caller) async throws -> CaseWorklistCounts {
        try caller.staff.require(.viewCases)
        let staff = caller.staff
        var filters: [CaseWorklist: CaseListRepository.Filter] = [:]
        for list in CaseWorklist.allCases {
            filters[list] = try Self.filter(list, staff: staff)
        }
        let queries = filters
        var missed = filters[.all]
        missed?.missedCheckIn = .init(department: staff.departmentID)
        let missedQuery = missed
        let (counted, missedCheckIns) = try await platform.database.read { db in
            var counted: [CaseWorklist: Int] = [:]
            let repository = CaseListRepository(db)
            for (list, filter) in queries { counted[list] = try await repository.count(filter) }
            var missed = 0
            if let missedQuery { missed = try await repository.count(missedQuery) }
            return (counted, missed)
        }
        return CaseWorklistCounts(
            mine: counted[.mine] ?? 0, department: counted[.department], overdue: counted[.overdue] ?? 0,
            verification: counted[.verification] ?? 0, revisit: counted[.revisit] ?? 0, all: counted[.all] ?? 0,
            missedCheckIns: missedCheckIns)
    }

    // MARK: -

    static let openStates = CaseState.allCases.filter(\.isOpen).map(\.rawValue)

    /// Whether `staff` works a grid: grid workers and leaders placed on a grid or micro-grid. Their
    /// scope is tested on the case's grid, and every open case there is theirs.
    static func worksGrid(_ staff: Staff) -> Bool {
        [.gridWorker, .gridLeader].contains(staff.role) && staff.jurisdiction.level >= .grid
    }

    /// The repository filter of `list` for `staff`; nil when the list is not theirs (`department`
    /// for anyone but department staff).
    static func filter(_ list: CaseWorklist, staff: Staff) throws(DomainError) -> CaseListRepository.Filter? {
        let jurisdiction = staff.jurisdiction
        var filter = CaseListRepository.Filter(prefix: jurisdiction.prefix, byGrid: jurisdiction.level >= .grid)
        filter.involvingDepartment = staff.departmentID
        switch list {
        case .mine:
            filter.states = openStates
            if !worksGrid(staff) {
                filter.mine = .init(actor: "account:\(staff.accountID)", department: staff.departmentID)
            }
        case .department:
            guard let department = staff.departmentID else { return nil }
            filter.states = openStates
            filter.liveAssignmentOf = department
        case .overdue:
            filter.clockStatus = "overdue"
        case .verification:
            filter.states = [CaseState.handled.rawValue]
        case .revisit:
            filter.states = [CaseState.closed.rawValue]
        case .all:
            break
        }
        return filter
    }

    /// The list's own states narrowed to the filter's `state` (an empty list when they exclude each other).
    static func narrowed(_ states: [String]?, to state: String?) -> [String]? {
        guard let state else { return states }
        guard let states else { return [state] }
        return states.contains(state) ? [state] : []
    }

    static func order(_ list: CaseWorklist) -> CaseListRepository.Order { list == .overdue ? .due : .recent }

    /// `key.id` for the lists' own orders (as before); `<sort>-<asc|desc>:key.id` for a chosen sort, so a
    /// cursor cannot be replayed under another sort.
    static func cursor(_ row: CaseListRepository.Row, order: CaseListRepository.Order) -> String {
        "\(tag(order))\(row.sortKey(order)).\(row.id)"
    }

    static func tag(_ order: CaseListRepository.Order) -> String {
        switch order {
        case .recent, .due: ""
        case .sorted(let key, let descending): "\(key.rawValue)-\(descending ? "desc" : "asc"):"
        }
    }

    /// The cursor's `key.id` (both integers) when it was made for `order`; nil for a missing, malformed or
    /// foreign cursor.
    static func parseCursor(_ text: String?, order: CaseListRepository.Order) -> (key: Int64, id: Int64)? {
        guard let text, !text.isEmpty else { return nil }
        let tag = tag(order)
        guard text.hasPrefix(tag), !text.dropFirst(tag.count).contains(":") else { return nil }
        let parts = text.dropFirst(tag.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let key = Int64(parts[0]), let id = Int64(parts[1]), key >= 0, id > 0 else { return nil }
        return (key, id)
    }
}
