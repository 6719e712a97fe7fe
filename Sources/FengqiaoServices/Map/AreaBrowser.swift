import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Reads the governance map for staff, always inside the caller's jurisdiction: an area outside it
/// answers "not found", exactly like one that does not exist.
public struct AreaBrowser: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    static let openStates = CaseState.allCases.filter(\.isOpen).map(\.rawValue)

    /// The area `code` (the caller's own area when nil) with its children and centre.
    public func overview(code: String?, caller: Caller) async throws -> AreaOverview {
        let (atlas, path) = try await visiblePath(code ?? caller.staff.jurisdiction.root.rawValue, caller)
        let area = path.leaf
        let children = atlas.children(of: area.code)
        let childLength = children.first.map { Jurisdiction(root: AreaCode($0.code) ?? caller.staff.jurisdiction.root).prefix.count }
        let prefix = Self.prefix(of: area)
        let countPeople = area.level >= .township
        let today = ChinaTime.dayString(platform.clock.now())
        let (caseCounts, peopleCounts, center, departments, onDuty) = try await platform.database.read { db in
            let cases = try await CaseRepository(db).counts(
                states: Self.openStates, prefix: prefix, groupLength: childLength ?? prefix.count)
            let people = countPeople && childLength != nil
                ? try await db.countRows(in: "people", codeColumn: "grid_code", prefix: prefix, groupLength: childLength ?? 0)
                : [:]
            let centers = CenterRepository(db)
            return (cases, people, try await centers.center(areaCode: area.code),
                    try await centers.departments(areaCode: area.code),
                    try await centers.onDuty(areaCode: area.code, day: today))
        }
        return AreaOverview(
            area: area, breadcrumbs: Self.visible(path, caller),
            children: children.map { child in
                let key = String(child.code.prefix(childLength ?? child.code.count))
                return .init(node: child, openCases: caseCounts[key] ?? 0, people: countPeople ? peopleCounts[key] ?? 0 : nil)
            },
            openCases: caseCounts.values.reduce(0, +), center: center,
            departments: departments.map { record in
                AreaOverview.Department(record: record, stationing: Stationing(rawValue: record.stationing) ?? .onCall,
                      onDutyToday: record.id.flatMap { onDuty[$0] } ?? [])
            })
    }

    /// The grid page of `code` (a grid or micro-grid).
    public func grid(code: String, caller: Caller) async throws -> GridDetail {
        let (atlas, path) = try await visiblePath(code, caller)
        let grid = path.leaf
        guard grid.level == .grid || grid.level == .microGrid else { throw DomainError.notFound(what: "网格") }
        let prefix = grid.code
        let (posts, counts, recent, open) = try await platform.database.read { db in
            func count(_ table: String) async throws -> Int {
                try await db.countRows(in: table, codeColumn: "grid_code", prefix: prefix, groupLength: prefix.count)
                    .values.reduce(0, +)
            }
            let counts = GridDetail.Counts(
                people: try await count("people"), households: try await count("households"),
                organizations: try await count("organizations"), places: try await count("places"),
                things: try await count("things"))
            let cases = CaseRepository(db)
            return (try await GridPostRepository(db).holders(prefix: prefix), counts,
                    try await cases.latest(prefix: prefix, limit: 10),
                    try await cases.counts(states: Self.openStates, prefix: prefix, groupLength: prefix.count)
                        .values.reduce(0, +))
        }
        var byPost: [GridPost: [Int64]] = [:]
        for holder in posts where holder.gridCode == grid.code {
            if let post = GridPost(rawValue: holder.post) { byPost[post, default: []].append(holder.accountId) }
        }
        return GridDetail(
            grid: grid, breadcrumbs: Self.visible(path, caller), posts: posts.filter { $0.gridCode == grid.code },
            staffing: GridStaffing(posts: byPost), counts: counts, microGrids: atlas.children(of: grid.code),
            recentCases: recent.map {
                .init(number: $0.number, kind: CaseKind(rawValue: $0.kind), category: $0.category,
                      state: CaseState(rawValue: $0.state), reportedDay: $0.reportedDay)
            },
            openCases: open)
    }

    /// The atlas and the path to `code`, after checking permission and jurisdiction.
    func visiblePath(_ code: String, _ caller: Caller) async throws -> (AreaAtlas, AreaPath) {
        let (atlas, node) = try await platform.area(code, for: caller, needing: .viewMap)
        guard let path = atlas.path(to: node.code) else { throw DomainError.notFound(what: "区域") }
        return (atlas, path)
    }

    static func visible(_ path: AreaPath, _ caller: Caller) -> [AreaNode] {
        path.nodes.filter { caller.staff.jurisdiction.contains($0.code) }
    }

    /// The code prefix shared by everything inside `node`.
    static func prefix(of node: AreaNode) -> String {
        guard let code = AreaCode(node.code) else { return node.code }
        return Jurisdiction(root: code, level: node.level).prefix
    }
}

extension AreaBrowser {
    /// The areas holding `point`, root first, limited to the caller's jurisdiction; "not found" when
    /// the point lies outside it or outside every boundary.
    public func locate(_ point: Coordinate, caller: Caller) async throws -> [AreaNode] {
        try caller.staff.require(.viewMap)
        let atlas = try await platform.areaAtlas()
        guard let path = atlas.locate(point), caller.staff.jurisdiction.contains(path.leaf.code) else {
            throw DomainError.notFound(what: "该位置所属区域")
        }
        return Self.visible(path, caller)
    }
}
