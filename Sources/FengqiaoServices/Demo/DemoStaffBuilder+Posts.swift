import FengqiaoDomain

extension DemoStaffBuilder {
    /// 网格警: community police officers of each township's 派出所 (department handlers of its
    /// publicSecurity department), one per beat of 3–5 grids, named `police.<township>.<n>`.
    func addPolice(
        _ plan: DemoGridPostPlan, _ maker: inout DemoAccountMaker, _ out: inout Output,
        handlers: inout [Int64: [DutyRoster.Member]]
    ) throws {
        for (t, township) in atlas.townships.enumerated() {
            let station = departments.township[t]["publicSecurity"]
            for (n, beat) in plan.beats[t].enumerated() {
                let officer = try maker.add(
                    .departmentHandler, area: township.code, areaName: station?.name ?? township.name,
                    department: station?.id, prefix: "police", username: "police.\(township.code).\(n + 1)")
                for g in beat { out.assign(.police, grid: g, to: officer) }
                guard let station else { continue }
                handlers[station.id, default: []].append(.init(accountID: officer.id, name: officer.name))
            }
        }
    }

    /// 兼职网格员 (村干部, 楼栋长, 志愿者 …): grid-worker accounts named `gridpart.<grid>.<n>`.
    func addPartTimers(_ plan: DemoGridPostPlan, _ maker: inout DemoAccountMaker, _ out: inout Output) throws {
        for (g, grid) in atlas.grids.enumerated() where plan.partTimers[g] > 0 {
            for n in 1...plan.partTimers[g] {
                let member = try maker.add(
                    .gridWorker, area: grid.code, areaName: grid.name, prefix: "gridpart",
                    username: "gridpart.\(grid.code).\(n)")
                out.assign(.partTime, grid: g, to: member)
            }
        }
    }

    /// Every rotating (轮驻) department gets 2–4 people to take turns: its handlers first (the 派出所's
    /// officers among them), then new handler accounts `handle.<area>.<department>.<n>` as needed.
    func addRosterTeams(
        _ maker: inout DemoAccountMaker, _ out: inout Output, handlers: [Int64: [DutyRoster.Member]]
    ) throws {
        for department in departments.all where department.stationing == .rotating {
            let size = maker.random.int(2...4)
            var members = Array((handlers[department.id] ?? []).prefix(size))
            while members.count < size {
                let handler = try maker.add(
                    .departmentHandler, area: department.areaCode, areaName: department.name,
                    department: department.id, prefix: "handle",
                    username: "handle.\(department.areaCode).\(department.id).\(members.count + 1)")
                members.append(.init(accountID: handler.id, name: handler.name))
            }
            // Not every roster starts with the department's first handler.
            let start = maker.random.below(members.count)
            out.rosterTeams.append(
                RosterTeam(department: department.id, members: Array(members[start...] + members[..<start])))
        }
    }
}

extension DemoStaffBuilder.Output {
    /// Records that `account` holds `post` in grid `grid` since it was created.
    mutating func assign(_ post: GridPost, grid: Int, to account: DemoAccountMaker.Made) {
        posts.append(DemoStaffBuilder.Post(grid: grid, post: post, account: account.id, assignedAt: account.createdAt))
    }

    /// The `grid_posts` inserts.
    func gridPostStatements(atlas: DemoAtlas) throws -> [String] {
        var buffer = DemoSQLBuffer(table: "grid_posts", columns: ["grid_code", "post", "account_id", "assigned_at"])
        for post in posts {
            buffer.beginRow()
            buffer.add(atlas.grids[post.grid].code)
            buffer.add(post.post.rawValue)
            buffer.add(post.account)
            buffer.add(post.assignedAt)
            buffer.endRow()
        }
        return try buffer.finish()
    }
}
