import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The 待办 home of each role, made only of the existing, jurisdiction-scoped lists (the case worklists,
/// the mediation list, the petition list) and the workflow's offers:
/// - department staff: their department's queue — waiting for 签收, in handling, returned (退回待裁定) and
///   handled (已反馈) — each case with what they may do on it now;
/// - grid workers and grid leaders: their grids, each with its open, overdue and this month's cases;
/// - leaders: supervision — red-clock (overdue) cases and cases under an open 督办 / 挂牌督办;
/// - mediators: the open mediations, soonest session first;
/// - petition officers: the petitions whose running deadline is near or passed.
public struct TodoHome: Sendable {
    let platform: Platform

    /// How many cases a queue section shows; the list behind it has them all.
    public static let rowLimit = 20
    /// How many grids a grid leader's home shows.
    public static let gridLimit = 40
    /// A petition deadline this close (or passed) is "near".
    public static let petitionHorizon: TimeInterval = 5 * 86_400

    public init(platform: Platform) { self.platform = platform }

    /// Which sections `staff` sees, by role: the queue is the department handler's (a mediator or petition
    /// officer seconded to a department keeps their own home; the counts still lead to the department's list).
    public enum Section: String, Sendable, CaseIterable {
        case department, grids, supervision, mediation, petitions

        public static func of(_ staff: Staff) -> Set<Section> {
            guard !staff.isMachine, staff.may(.viewCases) else { return [] }
            var sections: Set<Section> = []
            if staff.role == .departmentHandler, staff.departmentID != nil { sections.insert(.department) }
            if [.gridWorker, .gridLeader].contains(staff.role) { sections.insert(.grids) }
            if staff.role == .leader, staff.may(.superviseCases) { sections.insert(.supervision) }
            if staff.role == .mediator, staff.may(.mediate) { sections.insert(.mediation) }
            if staff.role == .petitionOfficer, staff.may(.receivePetitions) { sections.insert(.petitions) }
            return sections
        }
    }

    /// A case in a queue with what the caller may do on it now.
    public struct Row: Sendable {
        public var item: CaseWorklistItem
        public var offer: CaseOffer?
    }

    /// The department's cases by where they stand, sorted from the first `CaseWorklists.maximumLimit` of the
    /// list (the page shows `rowLimit` of each part); `total` counts the whole list.
    public struct DepartmentQueue: Sendable {
        public var awaitingSignFor: [Row] = []
        public var inHandling: [Row] = []
        public var returned: [Row] = []
        public var handled: [Row] = []
        public var total: Int = 0
    }

    /// One grid: its open cases, the overdue ones and those reported this month.
    public struct GridSummary: Sendable {
        public var code: String
        public var name: String
        public var open: Int
        public var overdue: Int
        public var reportedThisMonth: Int
    }

    /// What a leader supervises: red-clock cases and cases under an open 督办 / 挂牌督办.
    public struct Supervision: Sendable {
        public var overdue: [Row]
        public var overdueCount: Int
        public var supervised: [Row]
        public var supervisedCount: Int
    }

    // MARK: Department staff

    /// The department's queue: the `mine` worklist of department staff (their department's live assignments,
    /// and the cases they acted on last, such as one they returned), sorted by what the workflow offers.
    public func departmentQueue(caller: Caller) async throws -> DepartmentQueue? {
        guard Section.of(caller.staff).contains(.department) else { return nil }
        let worklists = CaseWorklists(platform: platform)
        let page = try await worklists.page(.mine, limit: CaseWorklists.maximumLimit, caller: caller)
        let offers = try await CaseEngine(platform: platform).offers(caseNumbers: page.cases.map(\.number), caller: caller)
        var queue = DepartmentQueue()
        queue.total = try await worklists.count(.mine, filter: CaseWorklistFilter(), caller: caller)
        for item in page.cases {
            let offer = offers[item.number]
            let row = Row(item: item, offer: offer)
            if offer?.offered.contains(.signFor) == true {
                queue.awaitingSignFor.append(row)
            } else if offer?.returned == true {
                queue.returned.append(row)
            } else if item.state == CaseState.handled.rawValue || item.state == CaseState.verified.rawValue {
                queue.handled.append(row)
            } else {
                queue.inHandling.append(row)
            }
        }
        // Soonest deadline first where a clock runs.
        queue.inHandling.sort { ($0.item.dueAt ?? .distantFuture) < ($1.item.dueAt ?? .distantFuture) }
        return queue
    }

    // MARK: Grid workers and grid leaders

    /// The caller's grids: the grid they are placed on, or the grids of their area (at most `gridLimit`).
    public func grids(caller: Caller) async throws -> [GridSummary]? {
        let staff = caller.staff
        guard Section.of(staff).contains(.grids) else { return nil }
        let atlas = try await platform.areaAtlas()
        var codes: [String] = []
        if staff.jurisdiction.level >= .grid {
            codes = [staff.jurisdiction.root.rawValue]
        } else {
            var frontier = [staff.jurisdiction.root.rawValue]
            while let code = frontier.first, codes.count < Self.gridLimit {
                frontier.removeFirst()
                for child in atlas.children(of: code) {
                    if child.level == .grid { codes.append(child.code) } else if child.level < .grid { frontier.append(child.code) }
                }
            }
        }
        let worklists = CaseWorklists(platform: platform)
        let month = String(ChinaTime.dayString(platform.clock.now()).prefix(8)) + "01"
        var grids: [GridSummary] = []
        for code in codes.prefix(Self.gridLimit) {
            var open = 0
            for state in CaseState.allCases where state.isOpen {
                open += try await worklists.count(.all, filter: CaseWorklistFilter(state: state.rawValue, grid: code), caller: caller)
            }
            let overdue = try await worklists.count(.all, filter: CaseWorklistFilter(grid: code, overdue: "1"), caller: caller)
            let reported = try await worklists.count(.all, filter: CaseWorklistFilter(reportedFrom: month, grid: code), caller: caller)
            grids.append(GridSummary(code: code, name: atlas.node(code)?.name ?? code, open: open, overdue: overdue,
                                     reportedThisMonth: reported))
        }
        return grids
    }

    // MARK: Leaders

    /// Red-clock cases (soonest deadline first) and cases under an open 督办 / 挂牌督办 with their answers due.
    public func supervision(caller: Caller) async throws -> Supervision? {
        guard Section.of(caller.staff).contains(.supervision) else { return nil }
        let worklists = CaseWorklists(platform: platform)
        let overdue = try await worklists.page(.overdue, limit: Self.rowLimit, caller: caller)
        let overdueCount = try await worklists.count(.overdue, filter: CaseWorklistFilter(), caller: caller)
        let supervisedFilter = CaseWorklistFilter(supervised: "1")
        let supervised = try await worklists.page(.all, filter: supervisedFilter, limit: Self.rowLimit, caller: caller)
        let supervisedCount = try await worklists.count(.all, filter: supervisedFilter, caller: caller)
        let offers = try await CaseEngine(platform: platform).offers(
            caseNumbers: Array(Set(overdue.cases.map(\.number) + supervised.cases.map(\.number))), caller: caller)
        return Supervision(
            overdue: overdue.cases.map { Row(item: $0, offer: offers[$0.number]) }, overdueCount: overdueCount,
            supervised: supervised.cases.map { Row(item: $0, offer: offers[$0.number]) }, supervisedCount: supervisedCount)
    }

    // MARK: Mediators and petition officers

    /// The open mediations (待调解, 调解中) of the jurisdiction, the soonest planned session first.
    public func mediations(caller: Caller) async throws -> [MediationCaseListItem]? {
        guard Section.of(caller.staff).contains(.mediation) else { return nil }
        let list = MediationCases(platform: platform)
        var open: [MediationCaseListItem] = []
        for state in [MediationCaseState.open, .inMediation] {
            open += try await list.list(state: state.rawValue, caller: caller)
        }
        return open.sorted {
            ($0.nextSession ?? .distantFuture, $1.openedAt) < ($1.nextSession ?? .distantFuture, $0.openedAt)
        }
    }

    /// The petitions whose running deadline (受理告知 or 答复) falls within `petitionHorizon` or has passed,
    /// soonest first.
    public func petitions(caller: Caller) async throws -> [PetitionSummary]? {
        guard Section.of(caller.staff).contains(.petitions) else { return nil }
        let now = platform.clock.now()
        let page = try await PetitionReception(platform: platform).list(PetitionFilter(limit: 200), caller: caller)
        return page.petitions
            .filter { petition in petition.deadline.map { $0.timeIntervalSince(now) <= Self.petitionHorizon } ?? false }
            .sorted { ($0.deadline ?? .distantFuture) < ($1.deadline ?? .distantFuture) }
    }
}
