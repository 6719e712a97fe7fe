import Foundation

/// What an AI camera's algorithm saw (AI视频预警 事件类型): each type files its case under a kind and a
/// category, and has a default rule (`CameraAlertRule.standard`) until an administrator sets one.
public enum CameraEventType: String, Sendable, Codable, CaseIterable {
    case illegalParking, smokeFire, waterlogging, streetVending, eBikeIndoors, fireLaneBlocked, garbageExposed

    public var chineseName: String {
        switch self {
        case .illegalParking: "车辆违停"
        case .smokeFire: "浓烟火情"
        case .waterlogging: "路面积水"
        case .streetVending: "占道经营"
        case .eBikeIndoors: "电动车进楼"
        case .fireLaneBlocked: "消防通道占用"
        case .garbageExposed: "垃圾暴露"
        }
    }

    /// The kind of case an alert of this type becomes.
    public var caseKind: CaseKind {
        switch self {
        case .illegalParking, .waterlogging, .streetVending, .garbageExposed: .urbanManagement
        case .smokeFire, .eBikeIndoors, .fireLaneBlocked: .safetyHazard
        }
    }

    /// The case's category: a default category of `caseKind` where one fits, else the type's own name
    /// (a fire or standing water has no category in the default tree).
    public var caseCategory: String {
        switch self {
        case .illegalParking: "违规停车"
        case .streetVending: "占道经营"
        case .eBikeIndoors: "电动车楼道充电"
        case .fireLaneBlocked: "消防通道堵塞"
        case .garbageExposed: "垃圾清运"
        case .smokeFire, .waterlogging: chineseName
        }
    }

    /// The type named by its code (`smokeFire`) or its Chinese name (`浓烟火情`), as platforms send either.
    public init?(codeOrChineseName text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let type = CameraEventType(rawValue: trimmed) ?? Self.allCases.first(where: { $0.chineseName == trimmed })
        else { return nil }
        self = type
    }
}
