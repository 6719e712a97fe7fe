import Foundation

/// What a mediator is good at (调解专长).
public enum MediationSpecialty: String, Sendable, Codable, CaseIterable {
    case marriageFamily, labour, property, landGrassland, medical, traffic, consumer, neighbour, other

    public var chineseName: String {
        switch self {
        case .marriageFamily: "婚姻家庭"
        case .labour: "劳动争议"
        case .property: "物业"
        case .landGrassland: "土地草场"
        case .medical: "医疗"
        case .traffic: "交通事故"
        case .consumer: "消费"
        case .neighbour: "邻里"
        case .other: "其他"
        }
    }

    /// The specialty named by its machine name or its Chinese name.
    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
