import FengqiaoDomain

/// The 9 core departments of a centre (政法, 组织, 公安, 民政, 司法, 住建, 人社, 卫健, 信访) and the
/// optional "N" ones, with how they are named at county and at township level.
enum DemoDepartmentCatalog {
    struct Entry: Sendable {
        /// Stable code stored in `departments.code`.
        let code: String
        /// The short name used in event payloads and the UI, e.g. 公安.
        let shortName: String
        let isCore: Bool
        /// `{c}` is replaced by the county's name.
        let countyName: String
        /// `{t}` by the township's name, `{s}` by its short name (沙河 for 沙河街道).
        let townshipName: String
    }

    static let core: [Entry] = [
        Entry(code: "politicsLaw", shortName: "政法", isCore: true, countyName: "{c}委政法委", townshipName: "{t}政法委员办公室"),
        Entry(code: "organization", shortName: "组织", isCore: true, countyName: "{c}委组织部", townshipName: "{t}党建工作办公室"),
        Entry(code: "publicSecurity", shortName: "公安", isCore: true, countyName: "包头市公安局{c}分局", townshipName: "{s}派出所"),
        Entry(code: "civilAffairs", shortName: "民政", isCore: true, countyName: "{c}民政局", townshipName: "{t}民政办"),
        Entry(code: "justice", shortName: "司法", isCore: true, countyName: "{c}司法局", townshipName: "{s}司法所"),
        Entry(code: "housing", shortName: "住建", isCore: true, countyName: "{c}住房和城乡建设局", townshipName: "{t}城建办"),
        Entry(
            code: "humanResources", shortName: "人社", isCore: true, countyName: "{c}人力资源和社会保障局", townshipName: "{t}劳动保障所"
        ),
        Entry(code: "health", shortName: "卫健", isCore: true, countyName: "{c}卫生健康委员会", townshipName: "{t}卫生健康办"),
        Entry(code: "petitions", shortName: "信访", isCore: true, countyName: "{c}信访局", townshipName: "{t}信访办"),
    ]

    static let optional: [Entry] = [
        Entry(
            code: "urbanManagement", shortName: "城管", isCore: false, countyName: "{c}城市管理综合执法局",
            townshipName: "{t}综合执法队"),
        Entry(
            code: "marketRegulation", shortName: "市场监管", isCore: false, countyName: "{c}市场监督管理局",
            townshipName: "{s}市场监管所"),
        Entry(code: "emergency", shortName: "应急管理", isCore: false, countyName: "{c}应急管理局", townshipName: "{t}应急管理办公室"),
        Entry(
            code: "naturalResources", shortName: "自然资源", isCore: false, countyName: "包头市自然资源局{c}分局",
            townshipName: "{s}自然资源所"),
        Entry(code: "education", shortName: "教育", isCore: false, countyName: "{c}教育局", townshipName: "{t}教育办"),
        Entry(code: "transport", shortName: "交通运输", isCore: false, countyName: "{c}交通运输局", townshipName: "{t}交通管理站"),
        Entry(
            code: "ecology", shortName: "生态环境", isCore: false, countyName: "包头市生态环境局{c}分局", townshipName: "{t}生态环境办公室"),
    ]

    /// The "N" a township centre has, always first, then chosen at random from the rest.
    static func optionalCodes(for kind: DemoGazetteer.TownshipKind) -> (always: [String], maybe: [String]) {
        switch kind {
        case .subdistrict: (["urbanManagement", "marketRegulation"], ["emergency", "education", "ecology"])
        case .town: (["naturalResources", "emergency"], ["marketRegulation", "transport", "ecology"])
        case .sumu: (["naturalResources", "ecology"], ["emergency", "transport"])
        }
    }

    /// How a department usually works in a centre; the generator varies it a little.
    static func usualStationing(_ code: String, county: Bool) -> [Stationing] {
        switch code {
        case "politicsLaw", "justice", "petitions": [.resident]
        case "publicSecurity": county ? [.resident, .rotating] : [.resident]
        case "civilAffairs", "humanResources", "housing", "urbanManagement", "marketRegulation": [.rotating, .resident]
        default: [.onCall, .rotating]
        }
    }

    /// Which departments a category of case goes to, most fitting first; the first one the
    /// dispatching centre has is the lead.
    static func leads(forCategory category: String) -> [String] {
        switch category {
        case "邻里纠纷", "婚姻家庭纠纷": ["justice", "politicsLaw"]
        case "劳动争议", "拖欠农民工工资", "医保社保", "就业帮扶", "社保政策": ["humanResources", "justice"]
        case "物业纠纷", "征地拆迁纠纷", "危房隐患", "自建房安全", "燃气隐患", "供暖问题", "供水问题", "住房政策": ["housing"]
        case "土地草场纠纷": ["naturalResources", "justice"]
        case "交通事故纠纷", "可疑人员", "打架斗殴", "电信诈骗线索", "寄递物流隐患", "重点人员动态", "户籍办理": ["publicSecurity"]
        case "消费纠纷": ["marketRegulation", "justice"]
        case "医疗纠纷": ["health", "justice"]
        case "电动车楼道充电", "消防通道堵塞": ["emergency", "housing"]
        case "道路塌陷": ["transport", "housing"]
        case "占道经营", "私搭乱建", "垃圾清运", "噪音扰民", "违规停车", "井盖缺失": ["urbanManagement", "housing"]
        case "低保救助", "养老服务", "惠农政策", "社区建设": ["civilAffairs"]
        case "环境改善": ["ecology", "urbanManagement", "housing"]
        case "服务改进": ["politicsLaw"]
        default: ["politicsLaw"]
        }
    }
}
