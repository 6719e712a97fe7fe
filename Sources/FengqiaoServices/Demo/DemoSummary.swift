import FengqiaoDomain

/// What a demo load wrote, and how long it took.
public struct DemoSummary: Sendable {
    public let areasByLevel: [AreaLevel: Int]
    public let departments: Int
    /// Residents (the `people` table).
    public let people: Int
    public let organizations: Int
    public let places: Int
    public let cases: Int
    public let events: Int
    /// Staff accounts in all, of which `logins` can be signed in with.
    public let accounts: Int
    /// The demo accounts, one per role, with their passwords.
    public let logins: [DemoLogin]
    /// Wall-clock seconds of the whole load.
    public let seconds: Double

    public init(
        areasByLevel: [AreaLevel: Int], departments: Int, people: Int, organizations: Int, places: Int, cases: Int,
        events: Int, accounts: Int, logins: [DemoLogin], seconds: Double
    ) {
        self.areasByLevel = areasByLevel
        self.departments = departments
        self.people = people
        self.organizations = organizations
        self.places = places
        self.cases = cases
        self.events = events
        self.accounts = accounts
        self.logins = logins
        self.seconds = seconds
    }

    /// Cases per second over the whole load (areas, people and accounts included).
    public var casesPerSecond: Double { seconds > 0 ? Double(cases) / seconds : 0 }
}
