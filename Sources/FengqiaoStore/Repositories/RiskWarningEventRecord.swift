import Foundation

/// A `risk_warning_events` row: one step in a warning's history.
public struct RiskWarningEventRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var warningId: Int64
    /// raised | casesAdded | levelRaised | assigned | handling | closed
    public var kind: String
    public var level: String
    public var actorName: String
    public var note: String
    public var at: Int64

    public init(id: Int64? = nil, warningId: Int64, kind: String, level: String, actorName: String, note: String, at: Int64) {
        self.id = id
        self.warningId = warningId
        self.kind = kind
        self.level = level
        self.actorName = actorName
        self.note = note
        self.at = at
    }
}
