import Foundation

extension MediationSpecialty {
    /// The dispute category (`CaseKind.dispute`'s default categories) an engine case opened for a
    /// mediation of this specialty is filed under; nil when none fits (the case keeps no category).
    public var caseCategory: String? {
        switch self {
        case .marriageFamily: "婚姻家庭纠纷"
        case .labour: "劳动争议"
        case .property: "物业纠纷"
        case .landGrassland: "土地草场纠纷"
        case .medical: "医疗纠纷"
        case .traffic: "交通事故纠纷"
        case .consumer: "消费纠纷"
        case .neighbour: "邻里纠纷"
        case .other: nil
        }
    }
}
