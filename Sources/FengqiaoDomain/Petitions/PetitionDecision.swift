import Foundation

/// The decision whether to accept a petition (受理告知), due within 15 working days of its receipt, each
/// with a reason and a written notice to the petitioner.
public enum PetitionDecision: String, Sendable, Codable, CaseIterable {
    /// 受理: the engine case is accepted and handled.
    case accept
    /// 不予受理: outside the organ's remit or the petition channels (e.g. a matter for the courts).
    case decline
    /// 不再受理: the same matter by the same petitioner was already accepted or handled.
    case refuseRepeat

    public var chineseName: String {
        switch self {
        case .accept: "受理"
        case .decline: "不予受理"
        case .refuseRepeat: "不再受理"
        }
    }

    /// The state the decision leaves the petition in.
    public var state: PetitionState {
        switch self {
        case .accept: .accepted
        case .decline: .declined
        case .refuseRepeat: .notReaccepted
        }
    }

    /// The written notice's title: 受理告知书, 不予受理告知书, 不再受理告知书.
    public var noticeTitle: String { chineseName + "告知书" }

    /// The decision named by its code (`decline`) or its Chinese name (`不予受理`).
    public init?(codeOrChineseName text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let decision = PetitionDecision(rawValue: trimmed) ?? Self.allCases.first(where: { $0.chineseName == trimmed })
        else { return nil }
        self = decision
    }
}
