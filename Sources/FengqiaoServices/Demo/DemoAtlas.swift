import FengqiaoDomain
import FengqiaoStore

/// The demo's area tree: every area row to insert, and for the other generators the counties,
/// townships, villages and grids with what they need to place people, places and cases.
struct DemoAtlas: Sendable {
    struct County: Sendable {
        let code: String
        let name: String
        let rect: DemoRect
        var townships: [Int] = []
        /// The 6-digit prefix used by ID numbers and case numbers.
        var prefix: String { String(code.prefix(6)) }
    }

    struct Township: Sendable {
        let code: String
        let name: String
        let shortName: String
        let kind: DemoGazetteer.TownshipKind
        let county: Int
        let rect: DemoRect
        let roads: [String]
        var villages: [Int] = []
        var specialGrids: [Int] = []
    }

    struct Village: Sendable {
        let code: String
        let name: String
        let township: Int
        let county: Int
        let rect: DemoRect
        /// Compounds (社区) or villagers' groups (村, 嘎查) that addresses use.
        let addressUnits: [String]
        var grids: [Int] = []
    }

    struct Grid: Sendable {
        let code: String
        let name: String
        let kind: GridKind
        let village: Int
        let township: Int
        let county: Int
        let rect: DemoRect
        /// The part of the village's address units lying in this grid (empty for special grids).
        let addressUnits: [String]
        /// What a special grid covers, e.g. 万达广场商圈; nil for ordinary grids.
        let site: String?
        /// Relative share of residents and cases.
        let activity: Double
    }

    var rows: [AreaRecord] = []
    var counties: [County] = []
    var townships: [Township] = []
    var villages: [Village] = []
    /// Ordinary grids first, then special grids.
    var grids: [Grid] = []
    var ordinaryGridCount = 0

    /// Counts of rows per level, for the summary.
    var countsByLevel: [AreaLevel: Int] {
        var counts: [AreaLevel: Int] = [:]
        for row in rows {
            if let level = AreaLevel(rawValue: row.level) { counts[level, default: 0] += 1 }
        }
        return counts
    }

    /// The full postal-style prefix of a grid's addresses: 九原区沙河街道康乐社区.
    func addressPrefix(ofGrid index: Int) -> String {
        let grid = grids[index]
        return counties[grid.county].name + townships[grid.township].name + villages[grid.village].name
    }
}
