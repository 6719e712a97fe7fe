import FengqiaoDomain

/// The codes of the default categories (`CaseKind.defaultCategories`) seeded on first use. The
/// codes are stored with cases and must never change; a default category added to the domain later
/// without a code here gets `<kind>.d<n>` from its place in the list.
enum CaseCategorySeed {
    static let slugs: [String: String] = [
        // 矛盾纠纷
        "邻里纠纷": "neighbour", "婚姻家庭纠纷": "family", "劳动争议": "labour", "拖欠农民工工资": "unpaidWages",
        "物业纠纷": "property", "土地草场纠纷": "landGrassland", "征地拆迁纠纷": "landAcquisition",
        "交通事故纠纷": "trafficAccident", "消费纠纷": "consumer", "医疗纠纷": "medical",
        // 治安隐患
        "可疑人员": "suspiciousPerson", "打架斗殴": "fighting", "电信诈骗线索": "telecomFraud",
        "寄递物流隐患": "delivery", "重点人员动态": "keyPersons",
        // 安全隐患
        "电动车楼道充电": "ebikeCharging", "消防通道堵塞": "fireLaneBlocked", "燃气隐患": "gas",
        "危房隐患": "dangerousBuilding", "自建房安全": "selfBuiltHouse", "道路塌陷": "roadCollapse",
        // 城市管理
        "占道经营": "streetVending", "私搭乱建": "illegalStructure", "垃圾清运": "garbage", "噪音扰民": "noise",
        "违规停车": "parking", "井盖缺失": "manholeCover",
        // 民生服务
        "供暖问题": "heating", "供水问题": "water", "低保救助": "subsistenceAllowance", "养老服务": "elderlyCare",
        "医保社保": "socialInsurance", "就业帮扶": "employment",
        // 民生服务 · 公共法律服务 (the portal's 法律服务 page books these; M022 adds them to seeded trees)
        "法律援助": "legalAid", "公证服务": "notary", "律师咨询": "lawyerConsultation",
        // 政策咨询
        "社保政策": "socialInsurance", "户籍办理": "householdRegistration", "惠农政策": "agriculture",
        "住房政策": "housing",
        // 意见建议
        "社区建设": "community", "环境改善": "environment", "服务改进": "service",
    ]

    /// The seeded categories of `kind`: code, name and position (from 1).
    static func categories(of kind: CaseKind) -> [(code: String, name: String, position: Int)] {
        kind.defaultCategories.enumerated().map { index, name in
            ("\(kind.rawValue).\(slugs[name] ?? "d\(index + 1)")", name, index + 1)
        }
    }
}
