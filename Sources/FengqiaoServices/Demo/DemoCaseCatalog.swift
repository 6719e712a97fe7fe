import FengqiaoDomain

/// How often each kind and category of case occurs (by month, in town and country), which details
/// it carries (money, groups, a company involved), and its description templates.
struct DemoCaseCatalog: Sendable {
    struct Category: Sendable {
        let kind: CaseKind
        let name: String
        let templates: [DemoTemplate]
        /// Yuan involved per person, when the matter is about money.
        let amountPerPerson: ClosedRange<Int>?
        /// Chance of a group case (群体性) and its size.
        let groupChance: Double
        let groupSize: ClosedRange<Int>
        /// Organisation kinds that {单位} may name.
        let respondents: [DemoOrganizationBuilder.Kind]
        let urgentChance: Double
    }

    let categories: [Category]
    /// Per month (0–11) and setting (0 town, 1 country): weights over `categories`.
    private let weights: [[[Double]]]

    init() {
        let kindShare: [CaseKind: Double] = [
            .dispute: 22, .publicSecurity: 8, .safetyHazard: 14, .urbanManagement: 22, .livelihood: 20,
            .policyInquiry: 9, .suggestion: 5,
        ]
        var categories: [Category] = []
        var base: [Double] = []
        for kind in CaseKind.allCases {
            let names = kind.defaultCategories
            let local = names.map { Self.commonness[$0] ?? 1 }
            let total = local.reduce(0, +)
            for (name, w) in zip(names, local) {
                categories.append(Self.category(kind, name))
                base.append((kindShare[kind] ?? 1) * w / total)
            }
        }
        self.categories = categories
        weights = (1...12).map { month in
            [false, true].map { rural in
                categories.indices.map { i in
                    base[i] * Self.season(categories[i].name, month: month)
                        * Self.setting(categories[i].name, rural: rural)
                }
            }
        }
    }

    /// The weights of every category for a case reported in `month` (1–12) in a town or the country.
    func weights(month: Int, rural: Bool) -> [Double] { weights[max(0, min(11, month - 1))][rural ? 1 : 0] }

    private static func category(_ kind: CaseKind, _ name: String) -> Category {
        let templates = (DemoCaseTexts.templates[name] ?? ["群众反映\(name)相关问题，请求处理。"]).map(DemoTemplate.init)
        var amount: ClosedRange<Int>?
        var group = 0.0
        var size = 2...4
        var respondents: [DemoOrganizationBuilder.Kind] = []
        switch name {
        case "拖欠农民工工资":
            amount = 3_000...15_000
            group = 0.45
            size = 10...80
            respondents = [.enterprise]
        case "劳动争议":
            amount = 5_000...60_000
            group = 0.15
            size = 3...20
            respondents = [.enterprise, .soleTrader]
        case "物业纠纷":
            group = 0.3
            size = 10...50
            respondents = [.propertyManagement]
        case "征地拆迁纠纷":
            amount = 20_000...200_000
            group = 0.5
            size = 10...60
        case "消费纠纷":
            amount = 300...20_000
            respondents = [.soleTrader, .enterprise]
        case "交通事故纠纷": amount = 800...30_000
        case "医疗纠纷": amount = 5_000...150_000
        case "打架斗殴":
            group = 0.3
            size = 3...12
        default: break
        }
        let urgent: Double =
            switch kind {
            case .safetyHazard: 0.25
            case .publicSecurity: 0.2
            case .dispute: group > 0 ? 0.15 : 0.06
            default: 0.04
            }
        return Category(
            kind: kind, name: name, templates: templates, amountPerPerson: amount, groupChance: group, groupSize: size,
            respondents: respondents, urgentChance: urgent)
    }

    /// Relative frequency within its kind (1 when not listed).
    private static let commonness: [String: Double] = [
        "邻里纠纷": 3, "婚姻家庭纠纷": 1.5, "物业纠纷": 2, "土地草场纠纷": 0.6, "征地拆迁纠纷": 0.5, "交通事故纠纷": 0.8,
        "消费纠纷": 0.8, "医疗纠纷": 0.3, "打架斗殴": 0.7, "电信诈骗线索": 1.2, "寄递物流隐患": 0.4, "重点人员动态": 0.5,
        "电动车楼道充电": 2, "消防通道堵塞": 1.5, "危房隐患": 0.6, "自建房安全": 0.5, "道路塌陷": 0.5, "占道经营": 2,
        "垃圾清运": 2, "噪音扰民": 1.5, "违规停车": 1.5, "井盖缺失": 0.6, "供暖问题": 2.5, "低保救助": 0.8, "养老服务": 0.8,
        "就业帮扶": 0.6,
    ]

    /// Seasons of 包头: heating from mid-October to mid-April, building and rain in summer, wages before Spring Festival.
    private static func season(_ name: String, month: Int) -> Double {
        let winter = [11, 12, 1, 2, 3].contains(month)
        let summer = (5...9).contains(month)
        switch name {
        case "供暖问题": return winter ? 4 : [10, 4].contains(month) ? 2 : 0.1
        case "燃气隐患": return winter ? 1.6 : 0.8
        case "拖欠农民工工资": return [12, 1, 2].contains(month) ? 3 : 0.8
        case "噪音扰民", "占道经营": return summer ? 1.6 : 0.7
        case "道路塌陷", "供水问题": return (6...9).contains(month) ? 2 : 0.7
        case "垃圾清运": return summer ? 1.3 : 0.9
        case "惠农政策", "土地草场纠纷": return (3...6).contains(month) ? 1.8 : 0.7
        default: return 1
        }
    }

    private static func setting(_ name: String, rural: Bool) -> Double {
        switch name {
        case "土地草场纠纷", "惠农政策", "自建房安全": return rural ? 3 : 0.05
        case "物业纠纷", "电动车楼道充电", "消防通道堵塞", "占道经营", "违规停车", "供暖问题", "住房政策": return rural ? 0.2 : 1.3
        case "征地拆迁纠纷", "危房隐患": return rural ? 1.8 : 0.7
        default: return 1
        }
    }
}
