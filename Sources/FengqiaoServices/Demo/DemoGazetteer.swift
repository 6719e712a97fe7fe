import FengqiaoDomain

/// The fixed geography of the demo: 包头市 with 东河区, 昆都仑区 and 九原区 and their townships (real
/// names, as in the source documents about 九原区), laid out west→east in the city's box.
struct DemoGazetteer {
    /// What a township is, which decides the noun of its villages and its size.
    enum TownshipKind: Sendable {
        case subdistrict, town, sumu

        var villageNoun: String {
            switch self {
            case .subdistrict: "社区"
            case .town: "村"
            case .sumu: "嘎查"
            }
        }

        /// The statistical code range of its villages: 居委会 from 001, 村委会/嘎查 from 201.
        var firstVillageSequence: Int { self == .subdistrict ? 1 : 201 }

        /// Relative land area, for the layout: towns and sumu are far larger than subdistricts.
        var layoutWeight: Double {
            switch self {
            case .subdistrict: 1
            case .town: 3.2
            case .sumu: 4.5
            }
        }
    }

    struct Township: Sendable {
        let name: String
        let kind: TownshipKind
        let villages: Int
        /// Statistical sequence: 街道 from 001, 镇 from 101, 苏木 from 201.
        let sequence: Int
    }

    struct County: Sendable {
        let code: String
        let name: String
        let townships: [Township]
    }

    static let cityCode = "150200000000"
    static let cityName = "包头市"
    /// West, south, east, north in micro-degrees (lon 109.6–110.3, lat 40.5–40.8).
    static let cityRect = DemoRect(west: 109_600_000, south: 40_500_000, east: 110_300_000, north: 40_800_000)

    /// Counties west→east, as they are laid out; 九原区 matches its sources (8 苏木镇(街道), 85 嘎查村(社区)).
    static func counties(for scale: DemoScale) -> [County] {
        let kundulun = County(
            code: "150203000000", name: "昆都仑区",
            townships: [
                .init(name: "昆北街道", kind: .subdistrict, villages: 7, sequence: 1),
                .init(name: "林荫路街道", kind: .subdistrict, villages: 7, sequence: 2),
                .init(name: "友谊大街街道", kind: .subdistrict, villages: 7, sequence: 3),
                .init(name: "少先路街道", kind: .subdistrict, villages: 7, sequence: 4),
                .init(name: "阿尔丁大街街道", kind: .subdistrict, villages: 7, sequence: 5),
                .init(name: "团结大街街道", kind: .subdistrict, villages: 7, sequence: 6),
                .init(name: "昆河镇", kind: .town, villages: 4, sequence: 101),
                .init(name: "卜尔汉图镇", kind: .town, villages: 4, sequence: 102),
            ])
        let jiuyuan = County(
            code: "150207000000", name: "九原区",
            townships: [
                .init(name: "沙河街道", kind: .subdistrict, villages: 10, sequence: 1),
                .init(name: "萨如拉街道", kind: .subdistrict, villages: 10, sequence: 2),
                .init(name: "赛汗街道", kind: .subdistrict, villages: 10, sequence: 3),
                .init(name: "白音席勒街道", kind: .subdistrict, villages: 10, sequence: 4),
                .init(name: "哈林格尔镇", kind: .town, villages: 12, sequence: 101),
                .init(name: "麻池镇", kind: .town, villages: 12, sequence: 102),
                .init(name: "哈业胡同镇", kind: .town, villages: 12, sequence: 103),
                .init(name: "阿嘎如泰苏木", kind: .sumu, villages: 9, sequence: 201),
            ])
        let donghe = County(
            code: "150202000000", name: "东河区",
            townships: [
                .init(name: "和平路街道", kind: .subdistrict, villages: 5, sequence: 1),
                .init(name: "东兴街道", kind: .subdistrict, villages: 5, sequence: 2),
                .init(name: "回民街道", kind: .subdistrict, villages: 5, sequence: 3),
                .init(name: "西脑包街道", kind: .subdistrict, villages: 5, sequence: 4),
                .init(name: "南门外街道", kind: .subdistrict, villages: 5, sequence: 5),
                .init(name: "财神庙街道", kind: .subdistrict, villages: 5, sequence: 6),
                .init(name: "天骄街道", kind: .subdistrict, villages: 5, sequence: 7),
                .init(name: "沙尔沁镇", kind: .town, villages: 5, sequence: 101),
                .init(name: "河东镇", kind: .town, villages: 5, sequence: 102),
            ])
        guard scale == .tiny else { return [kundulun, jiuyuan, donghe] }
        return [
            County(
                code: jiuyuan.code, name: jiuyuan.name,
                townships: [
                    .init(name: "沙河街道", kind: .subdistrict, villages: 4, sequence: 1),
                    .init(name: "哈林格尔镇", kind: .town, villages: 3, sequence: 101),
                    .init(name: "阿嘎如泰苏木", kind: .sumu, villages: 2, sequence: 201),
                ])
        ]
    }

    /// The short names people really use for the city and its districts (昆区 for 昆都仑区), also for
    /// districts the demo leaves out; none for townships and villages, whose short forms (赛汗, 萨如拉)
    /// clash with community names.
    static func aliases(of code: String) -> [String] {
        switch code {
        case cityCode: ["包头"]
        case "150202000000": ["东河"]
        case "150203000000": ["昆区"]
        case "150204000000": ["青山"]
        case "150205000000": ["石拐"]
        case "150207000000": ["九原"]
        default: []
        }
    }

    /// The name without its 街道/镇/苏木 suffix, as in 沙河派出所.
    static func shortName(ofTownship name: String) -> String {
        for suffix in ["街道", "苏木", "镇"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// Ordinary grids per village: cities are finely gridded, pastoral 嘎查 coarsely.
    static func gridRange(for kind: TownshipKind, scale: DemoScale) -> ClosedRange<Int> {
        if scale == .tiny { return kind == .subdistrict ? 4...6 : 2...3 }
        switch kind {
        case .subdistrict: return 8...11
        case .town: return 5...7
        case .sumu: return 3...5
        }
    }

    /// Micro-grids per ordinary grid at `large` (≈ 25,000 in all).
    static func microGridRange(for kind: TownshipKind) -> ClosedRange<Int> {
        kind == .subdistrict ? 15...21 : 10...14
    }

    /// Special grids of a township, in order; how many are used depends on the scale.
    static func specialGridKinds(for kind: TownshipKind) -> [GridKind] {
        switch kind {
        case .subdistrict: [.business, .hospital, .school]
        case .town: [.park, .school, .hospital]
        case .sumu: [.park, .school]
        }
    }
}
