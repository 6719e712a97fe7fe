import FengqiaoDomain
import Foundation

/// What the caller may do on one case now (the workflow's offer for them), for one-click actions in a
/// queue: the commands, the version a form should send, whether the case waits for a ruling on a
/// return (退回待裁定), and the supervisions still waiting for an answer.
public struct CaseOffer: Sendable, Equatable {
    public var number: String
    public var version: Int
    public var offered: [CaseCommand.Name]
    public var returned: Bool
    public var openSupervisions: [Supervision]
}
