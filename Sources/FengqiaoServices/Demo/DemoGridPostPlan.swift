import FengqiaoDomain

/// Who should fill which post of every grid under 一格一长一警一专多兼, decided before any account is
/// made. Every grid has its full-time worker. A few grids are left without a leader (about 3%) or a
/// police officer (about 2%) on purpose, so the unfilled-posts views show real gaps; the demo login's
/// grid is never one of them. Each township's community police officers cover 3–5 neighbouring grids
/// each, and about 40% of grids have one or two part-timers (兼职网格员).
struct DemoGridPostPlan: Sendable {
    static let leaderGapShare = 0.03
    static let policeGapShare = 0.02
    static let partTimeShare = 0.4

    /// Grid indices (into `DemoAtlas.grids`) whose leader post stays empty.
    let withoutLeader: Set<Int>
    /// Grid indices whose police post stays empty.
    let withoutPolice: Set<Int>
    /// Per township index, the grid indices each of its officers covers.
    let beats: [[[Int]]]
    /// Per grid index, how many part-timers it has (0, 1 or 2).
    let partTimers: [Int]

    /// How many grids of `total` a gap share leaves unfilled: at least one, so even `tiny` shows a gap.
    static func gapCount(_ share: Double, of total: Int) -> Int {
        total < 2 ? 0 : max(1, Int((Double(total) * share).rounded()))
    }

    init(atlas: DemoAtlas, keeping kept: Int, seed: UInt64) {
        var random = DemoRandom(seed: seed, stream: "posts")
        let candidates = atlas.grids.indices.filter { $0 != kept }
        func gaps(_ share: Double) -> Set<Int> {
            let count = min(candidates.count, Self.gapCount(share, of: atlas.grids.count))
            return Set(random.sample(count, of: candidates.count).map { candidates[$0] })
        }
        let withoutPolice = gaps(Self.policeGapShare)
        withoutLeader = gaps(Self.leaderGapShare)
        self.withoutPolice = withoutPolice
        var beats: [[[Int]]] = []
        for township in atlas.townships {
            // Neighbouring grids: a village's grids in reading order, then the special grids.
            let grids = (township.villages.flatMap { atlas.villages[$0].grids } + township.specialGrids)
                .filter { !withoutPolice.contains($0) }
            beats.append(Self.split(grids, &random))
        }
        self.beats = beats
        partTimers = atlas.grids.indices.map { _ in
            random.chance(Self.partTimeShare) ? random.int(1...2) : 0
        }
    }

    /// Consecutive runs of 3–5 grids (fewer only when the township has fewer than 3 to cover).
    private static func split(_ grids: [Int], _ random: inout DemoRandom) -> [[Int]] {
        guard !grids.isEmpty else { return [] }
        let n = grids.count
        let fewest = (n + 4) / 5
        let most = max(1, n / 3)
        let officers = min(most, max(fewest, Int((Double(n) / random.double(3.5, 4.5)).rounded())))
        return (0..<officers).map { i in Array(grids[(i * n / officers)..<((i + 1) * n / officers)]) }
    }
}
