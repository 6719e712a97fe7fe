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
    /// 综治中心 of the city, counties, townships and villages.
    public let centers: Int
    /// Households (户) the residents are registered in.
    public let households: Int
    /// Things of the grids (隐患点, 设施).
    public let things: Int
    /// Holders of grid posts (one row per grid, post and account).
    public let gridPosts: Int
    /// Grids deliberately left without a leader or a police officer, for the unfilled-posts views.
    public let gridsWithoutLeader: Int
    public let gridsWithoutPolice: Int
    /// Days × people on the duty rosters of rotating departments.
    public let dutyRosterEntries: Int

    public init(
        areasByLevel: [AreaLevel: Int], departments: Int, people: Int, organizations: Int, places: Int, cases: Int,
        events: Int, accounts: Int, logins: [DemoLogin], seconds: Double, centers: Int = 0, households: Int = 0,
        things: Int = 0, gridPosts: Int = 0, gridsWithoutLeader: Int = 0, gridsWithoutPolice: Int = 0,
        dutyRosterEntries: Int = 0
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
        self.centers = centers
        self.households = households
        self.things = things
        self.gridPosts = gridPosts
        self.gridsWithoutLeader = gridsWithoutLeader
        self.gridsWithoutPolice = gridsWithoutPolice
        self.dutyRosterEntries = dutyRosterEntries
    }

    /// Cases per second over the whole load (areas, people and accounts included).
    public var casesPerSecond: Double { seconds > 0 ? Double(cases) / seconds : 0 }
}
