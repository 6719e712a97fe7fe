import Foundation

/// One entry of a case's append-only history.
public struct CaseEventRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var caseId: Int64
    public var type: String
    public var fromState: String?
    public var toState: String
    /// Who acted: `account:42`, `channel:qrCode`, `system`.
    public var actor: String
    /// Command details as a JSON object.
    public var payload: String
    public var at: Int64

    public init(
        id: Int64? = nil, caseId: Int64, type: String, fromState: String?, toState: String, actor: String,
        payload: String = "{}", at: Int64
    ) {
        self.id = id
        self.caseId = caseId
        self.type = type
        self.fromState = fromState
        self.toState = toState
        self.actor = actor
        self.payload = payload
        self.at = at
    }

    static let columns = ["case_id", "type", "from_state", "to_state", "actor", "payload", "at"]

    var values: [any Encodable & Sendable] { [caseId, type, fromState, toState, actor, payload, at] }
}
