import FengqiaoDomain

/// Makes staff accounts one after another: ids in order from 1, a name and sealed mobile from the
/// staff random stream, the demo credentials for the one demo account of a role.
struct DemoAccountMaker {
    /// What later steps need of a new account.
    struct Made: Sendable {
        let id: Int64, name: String, phone: String, masked: String, createdAt: Int64
    }

    let cipher: PersonalDataCipher
    let nowMs: Int64
    var random: DemoRandom
    let namer = DemoPersonNamer()
    private(set) var accounts: [DemoStaffBuilder.Account] = []
    private(set) var logins: [DemoLogin] = []

    init(seed: UInt64, cipher: PersonalDataCipher, nowMs: Int64) {
        self.cipher = cipher
        self.nowMs = nowMs
        self.random = DemoRandom(seed: seed, stream: "staff")
    }

    /// A new account named `prefix.area[.department]` (or `username` when given), or the role's demo
    /// account when `demo` is true.
    mutating func add(
        _ role: Role, area: String, areaName: String, department: Int64? = nil, demo: Bool = false,
        prefix: String, username given: String? = nil
    ) throws -> Made {
        let id = Int64(accounts.count + 1)
        let year = random.int(1968...1998)
        let name = namer.name(male: random.chance(0.5), birthYear: year, mongolianShare: 0.05, &random)
        let phone = DemoIdentifiers.mobile(&random)
        let sealed = try cipher.seal(phone)
        var username = given ?? "\(prefix).\(area)" + (department.map { ".\($0)" } ?? "")
        if demo {
            let credentials = DemoLogin.credentials(for: role)
            username = credentials.username
            logins.append(DemoLogin(username: username, password: credentials.password, role: role, areaName: areaName))
        }
        let createdAt = nowMs - Int64(random.int(370...420)) * 86_400_000
        accounts.append(
            DemoStaffBuilder.Account(
                id: id, username: username, name: name, role: role, area: area, department: department,
                phoneCipher: sealed, createdAt: createdAt, isDemo: demo))
        return Made(id: id, name: name, phone: sealed, masked: PhoneNumber(phone)?.masked ?? "", createdAt: createdAt)
    }
}
