import FengqiaoDomain
import Foundation

/// Generates a `RiskScenario` from a seed: one county (5 townships × 6 villages × 4 grids), 84 days of ordinary
/// cases (about 40 a weekday, fewer at weekends; a third name a respondent among 400 organisations, most name an
/// applicant among 20,000 people, half give an address among 8,000, small numbers of people and money, everyday
/// wording, care tags only), and in the last 28 days the planted situations: 群发, 多发 at a grid and at an
/// address, 突发, 涉众, 重复反映, 敏感词 and 重点人员 — plus near misses that must stay quiet (two cases against one
/// respondent, three spread over forty days, 4 people or ¥90,000, two cases by one person).
public struct RiskScenarioGenerator: Sendable {
    public let seed: UInt64

    static let days = 84
    static let evaluationDays = 28
    /// 2026-06-01 00:00 China time (a Monday).
    static let start: Int64 = 1_780_243_200_000
    static let dayMs: Int64 = 86_400_000
    static let categories = ["neighbour", "labourWages", "property", "noise", "parking", "garbage", "housing",
                             "water", "traffic", "consumer", "family", "land"]
    static let categoryWeights: [Double] = [14, 6, 10, 12, 10, 9, 5, 4, 8, 7, 9, 6]
    static let ordinaryTexts = ["楼上装修噪音扰民,希望协调", "小区门口车辆乱停影响通行", "楼道堆放杂物存在安全隐患",
                                "邻居占用公共走廊", "物业服务不到位,垃圾清运不及时", "自来水压力不足", "路灯损坏夜间出行不便",
                                "小孩跳绳声音大影响休息", "商户占道经营", "家庭矛盾需要调解", "租房押金退还纠纷", "宅基地边界争议"]

    public init(seed: UInt64) { self.seed = seed }

    public func generate() -> RiskScenario {
        var random = DemoRandom(seed: seed, stream: "risk-scenario")
        var builder = Builder()
        let villages = (1...5).flatMap { t in (1...6).map { v in String(format: "150207%03d%03d", t, v) } }
        let villageWeights = villages.map { _ in random.double(0.5, 2) }
        func grid(of village: String, _ random: inout DemoRandom) -> String { village + String(format: ":%02d", random.int(1...4)) }

        // Noise.
        for day in 0..<Self.days {
            let weekend = day % 7 >= 5
            for _ in 0..<random.int(weekend ? 18...30 : 32...48) {
                let village = villages[random.weightedIndex(villageWeights)]
                builder.add(
                    day: day, minute: random.int(0...1_439), area: village, grid: grid(of: village, &random),
                    address: random.chance(0.5) ? "民生路\(random.int(1...8_000))号" : nil,
                    category: Self.categories[random.weightedIndex(Self.categoryWeights)],
                    respondent: random.chance(0.33) ? "org:\(random.int(1...400))" : nil,
                    applicant: random.chance(0.7) ? "person:\(random.int(1...20_000))" : nil,
                    people: random.chance(0.85) ? 1 : random.int(2...4),
                    amountFen: random.chance(0.7) ? 0 : Int64(random.int(100...60_000)) * 100,
                    text: random.pick(Self.ordinaryTexts),
                    tags: random.chance(0.03) ? [random.pick(PersonTag.careTags)] : [])
            }
        }
        let first = Self.days - Self.evaluationDays
        func plantDays(_ count: Int, span: Int, _ random: inout DemoRandom) -> [Int] {
            let begin = random.int(first...(Self.days - 1 - span))
            return (0..<count).map { _ in begin + random.int(0...span) }.sorted()
        }
        func anyVillage(_ random: inout DemoRandom) -> String { villages[random.weightedIndex(villageWeights)] }

        // 群发: 3–8 cases of one category against a respondent the noise never names, within 25 days.
        for i in 1...12 {
            let category = random.pick(Self.categories)
            for day in plantDays(random.int(3...8), span: 25, &random) {
                let village = anyVillage(&random)
                builder.add(day: day, minute: random.int(0...1_439), area: village, grid: grid(of: village, &random),
                            category: category, respondent: "org:planted-\(i)", text: random.pick(Self.ordinaryTexts))
            }
            builder.plant(.cluster, RiskGroupKey.cluster(category: category, respondent: "org:planted-\(i)").subject)
        }
        // 多发 at a grid: 3–6 cases of one category at one grid within 6 days.
        for _ in 1...12 {
            let village = anyVillage(&random)
            let place = grid(of: village, &random)
            let category = random.pick(Self.categories)
            for day in plantDays(random.int(3...6), span: 6, &random) {
                builder.add(day: day, minute: random.int(0...1_439), area: village, grid: place, category: category,
                            text: random.pick(Self.ordinaryTexts))
            }
            builder.plant(.hotspot, RiskGroupKey.hotspotGrid(grid: place, category: category).subject)
        }
        // 多发 at an address: 3–5 cases at one address within 6 days, spelt in different ways.
        for i in 1...8 {
            let village = anyVillage(&random)
            let spellings = ["幸福路\(i)号院", "幸福路 \(i)号院", "幸福路\(i)号院。"]
            for day in plantDays(random.int(3...5), span: 6, &random) {
                builder.add(day: day, minute: random.int(0...1_439), area: village, grid: nil, address: random.pick(spellings),
                            category: random.pick(Self.categories), text: random.pick(Self.ordinaryTexts))
            }
            builder.plant(.hotspot, "hotspot|address|幸福路\(i)号院")
        }
        // 突发: 8–14 cases of one category in one village on one day.
        for _ in 1...8 {
            let village = anyVillage(&random)
            let category = random.pick(Self.categories)
            let day = random.int(first...(Self.days - 1))
            for _ in 0..<random.int(8...14) {
                builder.add(day: day, minute: random.int(0...1_439), area: village, grid: nil, category: category,
                            text: random.pick(Self.ordinaryTexts))
            }
            builder.plant(.surge, RiskGroupKey.surge(areaCode: village, category: category,
                                                      day: builder.dayText(day)).subject)
        }
        // 涉众: 5–80 people, or ¥100,000–¥3,000,000.
        for _ in 1...15 {
            let village = anyVillage(&random)
            let byPeople = random.chance(0.5)
            let id = builder.add(
                day: random.int(first...(Self.days - 1)), minute: random.int(0...1_439), area: village,
                grid: grid(of: village, &random), category: "labourWages", people: byPeople ? random.int(5...80) : 2,
                amountFen: byPeople ? 0 : Int64(random.int(100_000...3_000_000)) * 100, text: "工程款拖欠")
            builder.plant(.mass, RiskGroupKey.single(rule: .mass, caseId: id).subject)
        }
        // 重复反映: 3–6 cases by one person within 25 days.
        for i in 1...12 {
            for day in plantDays(random.int(3...6), span: 25, &random) {
                let village = anyVillage(&random)
                builder.add(day: day, minute: random.int(0...1_439), area: village, grid: grid(of: village, &random),
                            category: random.pick(Self.categories), applicant: "person:planted-\(i)",
                            text: random.pick(Self.ordinaryTexts))
            }
            builder.plant(.repeated, RiskGroupKey.repeatApplicant("person:planted-\(i)").subject)
        }
        // 敏感词.
        let alarming = ["讨薪无果,工人扬言要跳楼", "几十名业主准备拉横幅维权", "村民在镇政府门口聚集", "情绪激动,称要喝农药",
                        "多人堵路要求解决补偿"]
        for _ in 1...15 {
            let village = anyVillage(&random)
            let id = builder.add(day: random.int(first...(Self.days - 1)), minute: random.int(0...1_439), area: village,
                                 grid: grid(of: village, &random), category: random.pick(Self.categories), text: random.pick(alarming))
            builder.plant(.keyword, RiskGroupKey.single(rule: .keyword, caseId: id).subject)
        }
        // 重点人员.
        let sensitive = PersonTag.allCases.filter(\.isSensitive)
        for _ in 1...10 {
            let village = anyVillage(&random)
            let id = builder.add(day: random.int(first...(Self.days - 1)), minute: random.int(0...1_439), area: village,
                                 grid: grid(of: village, &random), category: random.pick(Self.categories),
                                 text: random.pick(Self.ordinaryTexts), tags: [random.pick(sensitive)])
            builder.plant(.keyPerson, RiskGroupKey.single(rule: .keyPerson, caseId: id).subject)
        }
        // Near misses.
        for i in 1...10 {
            let category = random.pick(Self.categories)
            for day in plantDays(2, span: 10, &random) {
                builder.add(day: day, minute: random.int(0...1_439), area: anyVillage(&random), grid: nil, category: category,
                            respondent: "org:near-\(i)", applicant: "person:near-\(i)", text: random.pick(Self.ordinaryTexts))
            }
            for day in [first - 14, first + 3, first + 26] {
                builder.add(day: day, minute: random.int(0...1_439), area: anyVillage(&random), grid: nil, category: category,
                            respondent: "org:spread-\(i)", text: random.pick(Self.ordinaryTexts))
            }
            builder.add(day: random.int(first...(Self.days - 1)), minute: 600, area: anyVillage(&random), grid: nil,
                        category: "labourWages", people: 4, amountFen: 9_000_000, text: "工资拖欠")
        }

        let evaluationStart = Self.start + Int64(first) * Self.dayMs
        return RiskScenario(
            facts: builder.facts.sorted { ($0.reportedAt, $0.caseId) < ($1.reportedAt, $1.caseId) },
            planted: builder.planted,
            evaluationDays: (first..<Self.days).map { Self.start + Int64($0 + 1) * Self.dayMs - 1 },
            evaluationStart: evaluationStart)
    }

    /// Collects the cases and labels as they are made.
    struct Builder {
        var facts: [RiskCaseFact] = []
        var planted: [RiskRuleKind: Set<String>] = [:]

        func dayText(_ day: Int) -> String {
            ChinaTime.dayString(Date(timeIntervalSince1970: Double(RiskScenarioGenerator.start + Int64(day) * RiskScenarioGenerator.dayMs) / 1000))
        }

        @discardableResult
        mutating func add(
            day: Int, minute: Int, area: String, grid: String?, address: String? = nil, category: String,
            respondent: String? = nil, applicant: String? = nil, people: Int = 1, amountFen: Int64 = 0, text: String,
            tags: Set<PersonTag> = []
        ) -> Int64 {
            let id = Int64(facts.count + 1)
            let at = RiskScenarioGenerator.start + Int64(day) * RiskScenarioGenerator.dayMs + Int64(minute) * 60_000
            facts.append(RiskCaseFact(
                caseId: id, number: String(format: "FX%07d", id), areaCode: area, gridCode: grid, address: address,
                category: category, respondentKey: respondent, applicantKey: applicant, peopleInvolved: people,
                amountInvolved: amountFen, text: text, reportedAt: at, reportedDay: dayText(day), personTags: tags))
            return id
        }

        mutating func plant(_ rule: RiskRuleKind, _ subject: String) { planted[rule, default: []].insert(subject) }
    }
}
