import Foundation

/// The five-colour bags (群众诉求五色袋): five kinds of wishes and remarks residents drop into a grid's
/// bags, now also on the report page: 建议·蓝, 吐槽·黄, 心愿·绿, 宣传·橙, 服务·红. A bag is filed as a case
/// on channel `.fiveColorBag` with its own category (`五色袋·建议` …) under the kind that handles it.
public enum FiveColorBag: String, Sendable, Codable, CaseIterable {
    case blue, yellow, green, orange, red

    /// What the bag is for: 建议, 吐槽, 心愿, 宣传, 服务.
    public var chineseName: String {
        switch self {
        case .blue: "建议"
        case .yellow: "吐槽"
        case .green: "心愿"
        case .orange: "宣传"
        case .red: "服务"
        }
    }

    /// The colour's name: 蓝, 黄, 绿, 橙, 红.
    public var colourName: String {
        switch self {
        case .blue: "蓝"
        case .yellow: "黄"
        case .green: "绿"
        case .orange: "橙"
        case .red: "红"
        }
    }

    /// `建议·蓝`, as the bags are printed.
    public var label: String { chineseName + "·" + colourName }

    /// The colour as CSS shows it (#rrggbb).
    public var colour: String {
        switch self {
        case .blue: "#1d63c9"
        case .yellow: "#e0a800"
        case .green: "#2e8540"
        case .orange: "#e8681a"
        case .red: "#c62828"
        }
    }

    /// What a resident puts in the bag, in one line for the report page.
    public var meaning: String {
        switch self {
        case .blue: "对社区建设、公共事务的意见和建议"
        case .yellow: "对身边不满意的事说一说、吐吐槽"
        case .green: "个人或家庭的微心愿,如帮扶老人儿童"
        case .orange: "希望网格宣传、讲解的政策和事项"
        case .red: "需要上门办理或帮忙的便民服务"
        }
    }

    /// The kind of case a bag becomes (staff may change it when they accept the case).
    public var kind: CaseKind {
        switch self {
        case .blue: .suggestion
        case .yellow: .urbanManagement
        case .green: .livelihood
        case .orange: .policyInquiry
        case .red: .livelihood
        }
    }

    /// The category the case is filed under: `五色袋·建议`.
    public var category: String { "五色袋·" + chineseName }
}
