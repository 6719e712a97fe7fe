import Foundation

/// The kind of a thing on the grid (物): a hazard to watch or a facility to inspect.
public enum ThingKind: String, Sendable, Codable, ChineseNamedKind {
    case fireFacility, eBikeChargingPoint, dilapidatedBuilding, geologicalHazard, camera, manholeCover, gasPipeline
    case other

    public static let kindLabel = "物品设施类型"

    public var chineseName: String {
        switch self {
        case .fireFacility: "消防设施"
        case .eBikeChargingPoint: "电动自行车充电点"
        case .dilapidatedBuilding: "危房"
        case .geologicalHazard: "地质灾害隐患点"
        case .camera: "监控探头"
        case .manholeCover: "井盖"
        case .gasPipeline: "燃气管线"
        case .other: "其他"
        }
    }

    public var aliases: [String] {
        switch self {
        case .fireFacility: ["消防栓", "消火栓", "灭火器"]
        case .eBikeChargingPoint: ["充电桩", "电动车充电点"]
        case .dilapidatedBuilding: ["危险房屋"]
        case .camera: ["摄像头", "视频监控"]
        case .gasPipeline: ["燃气管道"]
        default: []
        }
    }

    /// The map layer; nil for `other`, which stays unclassified until someone picks a real kind.
    public var category: BaseDataCategory? {
        switch self {
        case .dilapidatedBuilding, .geologicalHazard: .hazard
        case .fireFacility, .eBikeChargingPoint, .camera, .manholeCover, .gasPipeline: .facility
        case .other: nil
        }
    }
}
