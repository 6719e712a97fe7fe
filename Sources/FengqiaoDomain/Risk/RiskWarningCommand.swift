import Foundation

/// What people do with a warning.
public enum RiskWarningCommand: Sendable, Equatable {
    /// Give it an owner (again, while open).
    case assign(ownerId: Int64)
    /// The owner starts handling it.
    case startHandling
    /// Close it, saying what was done.
    case close(measures: String)

    public static let measuresLimit = 2_000

    /// The state after the command, or why it is refused in `state`; `isOwner` is whether the caller owns it.
    public func next(from state: RiskWarningState, isOwner: Bool) throws(DomainError) -> RiskWarningState {
        switch (self, state) {
        case (_, .closed):
            throw .conflict(code: "warning_closed", message: "该预警已办结,不能再操作")
        case (.assign, _):
            return .assigned
        case (.startHandling, .assigned):
            guard isOwner else { throw .conflict(code: "not_owner", message: "只有预警的责任人可以开始处置") }
            return .handling
        case (.startHandling, .handling):
            throw .conflict(code: "already_handling", message: "该预警已在处置中")
        case (.startHandling, .new):
            throw .conflict(code: "not_assigned", message: "请先指派责任人")
        case (.close(let measures), _):
            let text = measures.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { throw .validation([.required("measures", label: "处置措施")]) }
            if text.count > Self.measuresLimit {
                throw .validation([.tooLong("measures", label: "处置措施", max: Self.measuresLimit)])
            }
            return .closed
        }
    }
}
