import Foundation

/// The figures the centres report for petitions and mediation (信访、调解统计), each a number that opens the
/// list of what it counts.
public enum CentreFigure: String, Sendable, Codable, CaseIterable {
    /// 信访批次: petitions received (every form).
    case petitionBatches
    /// 信访人次: persons in those petitions.
    case petitionPersons
    /// 信访人数: different people among them (by ID number; people registered without one count once each).
    case petitioners
    /// 来访批次 and 来访人次: petitions made in person.
    case visitBatches
    case visitPersons
    /// 集体访 (5 or more people in one visit).
    case collectiveVisits
    /// 重复信访: petitions by someone who petitioned before.
    case repeatPetitions
    /// 受理: petitions accepted.
    case acceptedPetitions
    /// 调解受理: mediations opened.
    case mediationsReceived
    /// 调解成功, 部分达成, 调解不成.
    case mediationsSucceeded
    case mediationsPartial
    case mediationsFailed
    /// 涉及金额 of the mediations opened (元).
    case mediationAmount

    public var chineseName: String {
        switch self {
        case .petitionBatches: "信访批次"
        case .petitionPersons: "信访人次"
        case .petitioners: "信访人数"
        case .visitBatches: "来访批次"
        case .visitPersons: "来访人次"
        case .collectiveVisits: "集体访"
        case .repeatPetitions: "重复信访"
        case .acceptedPetitions: "受理信访"
        case .mediationsReceived: "受理调解"
        case .mediationsSucceeded: "调解成功"
        case .mediationsPartial: "部分达成"
        case .mediationsFailed: "调解不成"
        case .mediationAmount: "涉及金额"
        }
    }

    /// Whether the figure counts petitions (else mediations).
    public var isPetition: Bool {
        switch self {
        case .petitionBatches, .petitionPersons, .petitioners, .visitBatches, .visitPersons, .collectiveVisits,
             .repeatPetitions, .acceptedPetitions: true
        case .mediationsReceived, .mediationsSucceeded, .mediationsPartial, .mediationsFailed, .mediationAmount: false
        }
    }
}
