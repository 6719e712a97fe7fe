import FengqiaoDomain

/// Staff accounts of every centre, department and grid, so case histories name real actors, and the
/// grid posts they hold (一格一长一警一专多兼, as `DemoGridPostPlan` lays out): a full-time worker and
/// (mostly) a leader per grid, community police officers of the township's 派出所, part-timers, and
/// the 2–4 people of each rotating (轮驻) department who take turns on duty. One account per role is
/// the demo account of `DemoLogin`, with its known password; all others share a hash of a random
/// secret that nobody knows.
struct DemoStaffBuilder {
    let atlas: DemoAtlas
    let departments: DemoDepartmentBuilder.Output
    let nowMs: Int64

    /// An account before its password hash is known (bcrypt runs while cases are written).
    struct Account: Sendable {
        let id: Int64, username: String, name: String, role: Role, area: String, department: Int64?
        let phoneCipher: String, createdAt: Int64, isDemo: Bool
    }

    /// One holder of one post in one grid (by grid index).
    struct Post: Sendable {
        let grid: Int, post: GridPost, account: Int64, assignedAt: Int64
    }

    /// A rotating department and the people who take turns on its duty roster.
    struct RosterTeam: Sendable {
        let department: Int64
        let members: [DutyRoster.Member]
    }

    struct Output: Sendable {
        var accounts: [Account] = []
        var logins: [DemoLogin] = []
        var countyOperator: [Int64] = [], countyDispatcher: [Int64] = []
        var townshipOperator: [Int64] = [], townshipDispatcher: [Int64] = []
        /// By department id.
        var handler: [Int64: Int64] = [:]
        /// By grid index.
        var gridWorker: [Int64] = [], gridWorkerName: [String] = [], gridWorkerPhone: [String] = []
        var gridWorkerPhoneMasked: [String] = []
        var posts: [Post] = []
        var rosterTeams: [RosterTeam] = []
        /// Grids left without a leader or a police officer on purpose.
        var gridsWithoutLeader = 0, gridsWithoutPolice = 0
    }

    func build(seed: UInt64, cipher: PersonalDataCipher) throws -> Output {
        var maker = DemoAccountMaker(seed: seed, cipher: cipher, nowMs: nowMs)
        var out = Output()
        // 九原区, its first township and that township's first grid carry the demo accounts.
        let demoCounty = atlas.counties.firstIndex { $0.code == "150207000000" } ?? 0
        let demoTownship = atlas.counties[demoCounty].townships.first ?? 0
        let demoGrid = atlas.townships[demoTownship].villages.first.flatMap { atlas.villages[$0].grids.first } ?? 0
        let demoHandlerDepartment = departments.county[demoCounty]["publicSecurity"]?.id
        let plan = DemoGridPostPlan(atlas: atlas, keeping: demoGrid, seed: seed)

        let city = DemoGazetteer.cityCode
        let cityName = DemoGazetteer.cityName
        _ = try maker.add(.systemAdmin, area: city, areaName: cityName, demo: true, prefix: "sysadmin")
        _ = try maker.add(.securityAdmin, area: city, areaName: cityName, demo: true, prefix: "secadmin")
        _ = try maker.add(.auditor, area: city, areaName: cityName, demo: true, prefix: "auditor")
        _ = try maker.add(.leader, area: city, areaName: cityName, demo: false, prefix: "leader")
        for (c, county) in atlas.counties.enumerated() {
            let demo = c == demoCounty
            out.countyOperator.append(
                try maker.add(.intakeOperator, area: county.code, areaName: county.name, demo: demo, prefix: "intake")
                    .id)
            out.countyDispatcher.append(
                try maker.add(.dispatcher, area: county.code, areaName: county.name, demo: demo, prefix: "dispatch").id
            )
            _ = try maker.add(.leader, area: county.code, areaName: county.name, demo: demo, prefix: "leader")
            _ = try maker.add(.assessor, area: county.code, areaName: county.name, demo: demo, prefix: "assess")
            _ = try maker.add(
                .petitionOfficer, area: county.code, areaName: county.name,
                department: departments.county[c]["petitions"]?.id, demo: demo, prefix: "petition")
        }
        for (t, township) in atlas.townships.enumerated() {
            out.townshipOperator.append(
                try maker.add(.intakeOperator, area: township.code, areaName: township.name, prefix: "intake").id)
            out.townshipDispatcher.append(
                try maker.add(.dispatcher, area: township.code, areaName: township.name, prefix: "dispatch").id)
            _ = try maker.add(
                .mediator, area: township.code, areaName: township.name,
                department: departments.township[t]["justice"]?.id, demo: t == demoTownship, prefix: "mediate")
        }
        var handlers: [Int64: [DutyRoster.Member]] = [:]
        for department in departments.all {
            let handler = try maker.add(
                .departmentHandler, area: department.areaCode, areaName: department.name,
                department: department.id, demo: department.id == demoHandlerDepartment, prefix: "handle")
            out.handler[department.id] = handler.id
            handlers[department.id] = [DutyRoster.Member(accountID: handler.id, name: handler.name)]
        }
        for (g, grid) in atlas.grids.enumerated() {
            let demo = g == demoGrid
            let worker = try maker.add(.gridWorker, area: grid.code, areaName: grid.name, demo: demo, prefix: "grid")
            out.gridWorker.append(worker.id)
            out.gridWorkerName.append(worker.name)
            out.gridWorkerPhone.append(worker.phone)
            out.gridWorkerPhoneMasked.append(worker.masked)
            out.assign(.fullTime, grid: g, to: worker)
            guard !plan.withoutLeader.contains(g) else { continue }
            let leader = try maker.add(
                .gridLeader, area: grid.code, areaName: grid.name, demo: demo, prefix: "gridlead")
            out.assign(.leader, grid: g, to: leader)
        }
        try addPolice(plan, &maker, &out, handlers: &handlers)
        try addPartTimers(plan, &maker, &out)
        try addRosterTeams(&maker, &out, handlers: handlers)
        out.gridsWithoutLeader = plan.withoutLeader.count
        out.gridsWithoutPolice = plan.withoutPolice.count
        out.accounts = maker.accounts
        out.logins = maker.logins.sorted {
            Role.allCases.firstIndex(of: $0.role) ?? 0 < Role.allCases.firstIndex(of: $1.role) ?? 0
        }
        return out
    }

    static let columns = [
        "id", "username", "display_name", "password_hash", "role", "area_code", "department_id", "phone_cipher",
        "created_at",
    ]
}

extension DemoStaffBuilder.Output {
    /// The `accounts` inserts; `hashes` holds the bcrypt hash of each demo role's password and, under
    /// nil, the locked hash every other account gets.
    func statements(hashes: [Role?: String]) throws -> [String] {
        var buffer = DemoSQLBuffer(table: "accounts", columns: DemoStaffBuilder.columns)
        for account in accounts {
            guard let hash = hashes[account.isDemo ? account.role : nil] else {
                throw DemoSQLBuffer.Malformed(table: "accounts", reason: "no password hash for \(account.username)")
            }
            buffer.beginRow()
            buffer.add(account.id)
            buffer.add(account.username)
            buffer.add(account.name)
            buffer.add(hash)
            buffer.add(account.role.rawValue)
            buffer.add(account.area)
            buffer.add(account.department)
            buffer.add(account.phoneCipher)
            buffer.add(account.createdAt)
            buffer.endRow()
        }
        return try buffer.finish()
    }
}
