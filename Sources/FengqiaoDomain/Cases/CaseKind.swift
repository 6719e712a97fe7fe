import Foundation

/// What kind of matter a case is (事件类型).
public enum CaseKind: String, Sendable, Codable, CaseIterable {
    case dispute, publicSecurity, safetyHazard, urbanManagement, livelihood, policyInquiry, suggestion

    public var chineseName: String {
        switch self {
        case .dispute: "矛盾纠纷"
        case .publicSecurity: "治安隐患"
        case .safetyHazard: "安全隐患"
        case .urbanManagement: "城市管理"
        case .livelihood: "民生服务"
        case .policyInquiry: "政策咨询"
        case .suggestion: "意见建议"
        }
    }

    /// The default second-level categories; admins edit the tree later (case engine issue).
    public var defaultCategories: [String] {
        switch self {
        case .dispute: ["邻里纠纷", "婚姻家庭纠纷", "劳动争议", "拖欠农民工工资", "物业纠纷", "土地草场纠纷", "征地拆迁纠纷", "交通事故纠纷", "消费纠纷", "医疗纠纷"]
        case .publicSecurity: ["可疑人员", "打架斗殴", "电信诈骗线索", "寄递物流隐患", "重点人员动态"]
        case .safetyHazard: ["电动车楼道充电", "消防通道堵塞", "燃气隐患", "危房隐患", "自建房安全", "道路塌陷"]
        case .urbanManagement: ["占道经营", "私搭乱建", "垃圾清运", "噪音扰民", "违规停车", "井盖缺失"]
        case .livelihood: ["供暖问题", "供水问题", "低保救助", "养老服务", "医保社保", "就业帮扶", "法律援助", "公证服务", "律师咨询"]
        case .policyInquiry: ["社保政策", "户籍办理", "惠农政策", "住房政策"]
        case .suggestion: ["社区建设", "环境改善", "服务改进"]
        }
    }
}
