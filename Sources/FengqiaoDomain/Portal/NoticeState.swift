import Foundation

/// Where a public notice stands: written (草稿), shown to residents (已发布), taken down (已撤回).
public enum NoticeState: String, Sendable, Codable, CaseIterable {
    case draft, published, withdrawn

    public var chineseName: String {
        switch self {
        case .draft: "草稿"
        case .published: "已发布"
        case .withdrawn: "已撤回"
        }
    }
}
