import Foundation

/// How a department works in a centre: 常驻, 轮驻 or 随叫随驻.
public enum Stationing: String, Sendable, Codable, CaseIterable {
    case resident, rotating, onCall

    public var chineseName: String {
        switch self {
        case .resident: "常驻"
        case .rotating: "轮驻"
        case .onCall: "随叫随驻"
        }
    }
}
