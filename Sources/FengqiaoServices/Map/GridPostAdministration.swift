import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Staffing the grids: who holds which post (一格一长一警一专多兼), and the report of gaps and
/// workload. Changes need `editMap` and are audited.
public struct GridPostAdministration: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// Gives `username` the `post` in grid `gridCode`.
    public func assign(_ post: GridPost, gridCode: String, username: String, caller: Caller) async throws {
        try caller.staff.require(.editMap)
        let grid = try await self.grid(gridCode, caller)
        let nowMs = platform.clock.now().millisecondsSince1970
        try await platform.database.write { db in
            guard let account = try await AccountRepository(db).find(username: username.trimmingCharacters(in: .whitespaces)),
                  let id = account.id, account.status == "active", caller.staff.jurisdiction.contains(account.areaCode)
            else {
                throw DomainError.validation([FieldError(field: "username", code: "unknown", message: "辖区内没有该账号")])
            }
            let posts = GridPostRepository(db)
            let holders = try await posts.holders(prefix: grid.code).filter { $0.gridCode == grid.code && $0.post == post.rawValue }
            if let maximum = post.maximumCount, holders.count >= maximum, !holders.contains(where: { $0.accountId == id }) {
                throw DomainError.conflict(code: "post_full", message: "该网格已配备\(post.chineseName),请先移除现任人员")
            }
            try await posts.assign(GridPostRecord(gridCode: grid.code, post: post.rawValue, accountId: id, assignedAt: nowMs))
            try await AuditTrail.append(
                AuditEntry(caller, action: "grid_post.assign", objectType: "grid", objectID: grid.code,
                           summary: Self.summary(post, id)),
                at: nowMs, in: db, kind: platform.database.kind)
        }
    }

    /// Takes the post away from account `accountID`; "not found" when they do not hold it.
    public func remove(_ post: GridPost, gridCode: String, accountID: Int64, caller: Caller) async throws {
        try caller.staff.require(.editMap)
        let grid = try await self.grid(gridCode, caller)
        let nowMs = platform.clock.now().millisecondsSince1970
        try await platform.database.write { db in
            guard try await GridPostRepository(db).remove(gridCode: grid.code, post: post.rawValue, accountId: accountID)
            else { throw DomainError.notFound(what: "该岗位人员") }
            try await AuditTrail.append(
                AuditEntry(caller, action: "grid_post.remove", objectType: "grid", objectID: grid.code,
                           summary: Self.summary(post, accountID)),
                at: nowMs, in: db, kind: platform.database.kind)
        }
    }

    /// Gaps and workload across the area `code`.
    public func report(code: String, caller: Caller) async throws -> StaffingReport {
        let (atlas, area) = try await platform.area(code, for: caller, needing: .viewMap)
        let prefix = AreaBrowser.prefix(of: area)
        let (holders, households) = try await platform.database.read { db in
            (try await GridPostRepository(db).holders(prefix: prefix),
             try await db.countRows(in: "households", codeColumn: "grid_code", prefix: prefix, groupLength: 15))
        }
        var byGrid: [String: [GridPost: [Int64]]] = [:]
        var workers: [Int64: (name: String, posts: Set<GridPost>, grids: Set<String>)] = [:]
        for holder in holders {
            guard let post = GridPost(rawValue: holder.post) else { continue }
            byGrid[holder.gridCode, default: [:]][post, default: []].append(holder.accountId)
            if post == .fullTime || post == .partTime {
                var row = workers[holder.accountId] ?? (holder.displayName ?? holder.username ?? "", [], [])
                row.posts.insert(post)
                row.grids.insert(holder.gridCode)
                workers[holder.accountId] = row
            }
        }
        let grids = Self.grids(under: area, in: atlas).map { grid in
            StaffingReport.GridRow(grid: grid, staffing: GridStaffing(posts: byGrid[grid.code] ?? [:]),
                                   households: households[String(grid.code.prefix(15))] ?? 0)
        }
        let workerRows = workers.map { id, row in
            StaffingReport.WorkerRow(
                accountID: id, name: row.name, posts: row.posts.sorted(), grids: row.grids.count,
                households: row.grids.reduce(0) { $0 + (households[String($1.prefix(15))] ?? 0) })
        }.sorted { ($0.households, $1.name) > ($1.households, $0.name) }
        return StaffingReport(
            area: area, grids: grids, workers: workerRows,
            workload: Workload(gridCount: grids.count, householdCount: households.values.reduce(0, +),
                               workerCount: workerRows.count))
    }

    /// The grids (not micro-grids) at or under `area`.
    static func grids(under area: AreaNode, in atlas: AreaAtlas) -> [AreaNode] {
        if area.level == .grid { return [area] }
        if area.level == .microGrid { return [] }
        return atlas.children(of: area.code).flatMap { grids(under: $0, in: atlas) }
    }

    private func grid(_ code: String, _ caller: Caller) async throws -> AreaNode {
        try caller.staff.requireInside(code, "网格")
        guard let grid = try await platform.areaAtlas().node(code), grid.level == .grid else {
            throw DomainError.notFound(what: "网格")
        }
        return grid
    }

    private static func summary(_ post: GridPost, _ accountID: Int64) -> String {
        #"{"post":"\#(post.rawValue)","accountId":\#(accountID)}"#
    }
}
