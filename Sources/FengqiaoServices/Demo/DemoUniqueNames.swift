import FengqiaoDomain

/// Hands out place names that are unique across the demo city: village and community names from
/// shuffled pools, compound names and the sites of special grids.
struct DemoUniqueNames {
    private var pools: [DemoGazetteer.TownshipKind: [String]]
    private var next: [DemoGazetteer.TownshipKind: Int] = [:]
    private var used: Set<String> = []
    private var random: DemoRandom

    init(seed: UInt64) {
        var random = DemoRandom(seed: seed, stream: "areas.names")
        func unique(_ words: [String]) -> [String] {
            var seen: Set<String> = []
            return words.filter { seen.insert($0).inserted }
        }
        pools = [
            .subdistrict: random.shuffled(unique(DemoPlaceNames.communities)),
            .town: random.shuffled(unique(DemoPlaceNames.villages)),
            .sumu: random.shuffled(unique(DemoPlaceNames.gachas)),
        ]
        self.random = random
    }

    /// The next village name for a township of `kind`, e.g. 康乐社区, 毛其来村, 巴音嘎查.
    mutating func village(for kind: DemoGazetteer.TownshipKind) -> String {
        let pool = pools[kind] ?? []
        let i = next[kind, default: 0]
        next[kind] = i + 1
        // Past the pool's end (never at the built-in scales) names get an ordinal: 康乐二社区.
        let stem =
            pool.isEmpty
            ? "新区" : pool[i % pool.count] + (i < pool.count ? "" : DemoNumerals.chinese(i / pool.count + 1))
        let name = stem + kind.villageNoun
        used.insert(name)
        return name
    }

    /// A residential compound such as 阳光花园; 二期, 三期 … when all combinations are taken.
    mutating func compound(_ random: inout DemoRandom) -> String {
        for _ in 0..<40 {
            let name = random.pick(DemoPlaceNames.compoundStems) + random.pick(DemoPlaceNames.compoundSuffixes)
            if used.insert(name).inserted { return name }
        }
        let base = random.pick(DemoPlaceNames.compoundStems) + random.pick(DemoPlaceNames.compoundSuffixes)
        var phase = 2
        while !used.insert(base + DemoNumerals.chinese(phase) + "期").inserted { phase += 1 }
        return base + DemoNumerals.chinese(phase) + "期"
    }

    /// What a special grid covers: 万达广场商圈, 装备制造产业园, 沙河第一中学, 九原区人民医院 ….
    mutating func specialSite(_ kind: GridKind, township: DemoAtlas.Township, county: String) -> String {
        let candidates: [String]
        switch kind {
        case .business: candidates = random.shuffled(DemoPlaceNames.businessDistricts)
        case .park: candidates = random.shuffled(DemoPlaceNames.parks).map { township.shortName + $0 }
        case .school: candidates = random.shuffled(DemoPlaceNames.schools).map { township.shortName + $0 }
        case .hospital:
            candidates = random.shuffled(DemoPlaceNames.hospitals).map {
                $0.hasSuffix("中心") || $0.hasSuffix("卫生院") ? township.shortName + $0 : county + $0
            }
        case .ordinary: candidates = [township.shortName + "综合"]
        }
        for name in candidates where used.insert(name).inserted { return name }
        var n = 2
        let base = candidates.first ?? township.shortName
        while !used.insert(base + "\(n)").inserted { n += 1 }
        return base + "\(n)"
    }
}

/// Small Chinese numerals for ordinals in names (二期, 第三医院).
enum DemoNumerals {
    static func chinese(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 0..<10: return digits[n]
        case 10..<20: return "十" + (n == 10 ? "" : digits[n - 10])
        case 20..<100: return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10])
        default: return String(n)
        }
    }
}
