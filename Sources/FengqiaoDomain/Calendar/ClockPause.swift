import Foundation

/// A stretch in which a clock does not run (the case waits on something outside the handler's control).
/// `end` is nil while the pause lasts.
public struct ClockPause: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// An extension request awaits the centre's decision (延期审核中).
        case extensionUnderReview
        /// The requester cannot be reached (联系不上诉求人).
        case requesterUnreachable
        /// A summoned department has not reported in yet (等待被吹哨部门报到).
        case awaitingSummonedDepartment

        public var chineseName: String {
            switch self {
            case .extensionUnderReview: "延期审核中"
            case .requesterUnreachable: "联系不上诉求人"
            case .awaitingSummonedDepartment: "等待部门报到"
            }
        }
    }

    public var reason: Reason
    public var start: Date
    public var end: Date?

    public init(reason: Reason, start: Date, end: Date? = nil) {
        self.reason = reason
        self.start = start
        self.end = end
    }
}
