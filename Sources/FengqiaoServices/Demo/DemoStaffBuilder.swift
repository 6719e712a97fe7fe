import FengqiaoDomain

/// Staff accounts of every centre, department and grid (一格一长: a worker and a leader per grid), so
/// case histories name real actors. One account per role is the demo account of `DemoLogin`, with its
/// known password; all others share a hash of a random secret that nobody knows.
struct DemoStaffBuilder {
    let atlas: DemoAtlas
    let departments: DemoDepartmentBuilder.Output
    let nowMs: Int64

    /// An account before its password hash is known (bcrypt runs while cases are written).
    struct Account: Sendable {
        let id: Int64, username: String, name: String, role: Role, area: String, department: Int64?
        let phoneCipher: String, createdAt: Int64, isDemo: Bool
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
    }

    func build(seed: UInt64, cipher: PersonalDataCipher) throws -> Output {
        var random = DemoRandom(seed: seed, stream: "staff")
        let namer = DemoPersonNamer()
        var out = Output()
        // 九原区, its first township and that township's first grid carry the demo accounts.
        let demoCounty = atlas.counties.firstIndex { $0.code == "150207000000" } ?? 0
        let demoTownship = atlas.counties[demoCounty].townships.first ?? 0
        let demoGrid = atlas.townships[demoTownship].villages.first.flatMap { atlas.villages[$0].grids.first } ?? 0
        let demoHandlerDepartment = departments.county[demoCounty]["publicSecurity"]?.id

        func add(
            _ role: Role, area: String, areaName: String, department: Int64? = nil, demo: Bool, prefix: String
        ) throws -> (id: Int64, name: String, phone: String, masked: String) {
            let id = Int64(out.accounts.count + 1)
            let year = random.int(1968...1998)
            let name = namer.name(male: random.chance(0.5), birthYear: year, mongolianShare: 0.05, &random)
            let phone = DemoIdentifiers.mobile(&random)
            let sealed = try cipher.seal(phone)
            var username = "\(prefix).\(area)" + (department.map { ".\($0)" } ?? "")
            if demo {
                let credentials = DemoLogin.credentials(for: role)
                username = credentials.username
                out.logins.append(
                    DemoLogin(username: username, password: credentials.password, role: role, areaName: areaName))
            }
            out.accounts.append(
                Account(
                    id: id, username: username, name: name, role: role, area: area, department: department,
                    phoneCipher: sealed, createdAt: nowMs - Int64(random.int(370...420)) * 86_400_000, isDemo: demo))
            return (id, name, sealed, PhoneNumber(phone)?.masked ?? "")
        }

        let city = DemoGazetteer.cityCode
        let cityName = DemoGazetteer.cityName
        _ = try add(.systemAdmin, area: city, areaName: cityName, demo: true, prefix: "sysadmin")
        _ = try add(.securityAdmin, area: city, areaName: cityName, demo: true, prefix: "secadmin")
        _ = try add(.auditor, area: city, areaName: cityName, demo: true, prefix: "auditor")
        _ = try add(.leader, area: city, areaName: cityName, demo: false, prefix: "leader")
        for (c, county) in atlas.counties.enumerated() {
            let demo = c == demoCounty
            out.countyOperator.append(
                try add(.intakeOperator, area: county.code, areaName: county.name, demo: demo, prefix: "intake").id)
            out.countyDispatcher.append(
                try add(.dispatcher, area: county.code, areaName: county.name, demo: demo, prefix: "dispatch").id)
            _ = try add(.leader, area: county.code, areaName: county.name, demo: demo, prefix: "leader")
            _ = try add(.assessor, area: county.code, areaName: county.name, demo: demo, prefix: "assess")
            _ = try add(
                .petitionOfficer, area: county.code, areaName: county.name,
                department: departments.county[c]["petitions"]?.id, demo: demo, prefix: "petition")
        }
        for (t, township) in atlas.townships.enumerated() {
            out.townshipOperator.append(
                try add(.intakeOperator, area: township.code, areaName: township.name, demo: false, prefix: "intake").id
            )
            out.townshipDispatcher.append(
                try add(.dispatcher, area: township.code, areaName: township.name, demo: false, prefix: "dispatch").id)
            _ = try add(
                .mediator, area: township.code, areaName: township.name,
                department: departments.township[t]["justice"]?.id, demo: t == demoTownship, prefix: "mediate")
        }
        for department in departments.all {
            let handler = try add(
                .departmentHandler, area: department.areaCode, areaName: department.name,
                department: department.id, demo: department.id == demoHandlerDepartment, prefix: "handle")
            out.handler[department.id] = handler.id
        }
        for (g, grid) in atlas.grids.enumerated() {
            let worker = try add(.gridWorker, area: grid.code, areaName: grid.name, demo: g == demoGrid, prefix: "grid")
            out.gridWorker.append(worker.id)
            out.gridWorkerName.append(worker.name)
            out.gridWorkerPhone.append(worker.phone)
            out.gridWorkerPhoneMasked.append(worker.masked)
            if grid.kind == .ordinary {
                _ = try add(.gridLeader, area: grid.code, areaName: grid.name, demo: g == demoGrid, prefix: "gridlead")
            }
        }
        out.logins.sort { Role.allCases.firstIndex(of: $0.role) ?? 0 < Role.allCases.firstIndex(of: $1.role) ?? 0 }
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
