import Foundation

/// How the requester is told something (不予立案告知, 结案答复) or asked for a rating (回访).
public enum ContactChannel: String, Sendable, Codable, CaseIterable {
    case phone, sms, portal, inPerson, letter

    public var chineseName: String {
        switch self {
        case .phone: "电话"
        case .sms: "短信"
        case .portal: "网上(扫码/门户)"
        case .inPerson: "当面"
        case .letter: "书面"
        }
    }

    /// Channels a requester uses on their own, without staff (portal, SMS reply).
    public var isSelfService: Bool {
        switch self {
        case .sms, .portal: true
        case .phone, .inPerson, .letter: false
        }
    }
}
