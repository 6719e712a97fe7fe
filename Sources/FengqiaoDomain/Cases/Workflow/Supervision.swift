import Foundation

/// One 催办 / 督办 / 挂牌督办 on a case and its answer.
public struct Supervision: Sendable, Hashable, Codable {
    /// 1 for the case's first supervision, then counting up.
    public var number: Int
    public var kind: SupervisionKind
    public var note: String
    public var responseDue: Date?
    public var issuedAt: Date
    public var response: String?
    public var respondedAt: Date?

    public init(
        number: Int, kind: SupervisionKind, note: String, responseDue: Date?, issuedAt: Date, response: String? = nil,
        respondedAt: Date? = nil
    ) {
        self.number = number
        self.kind = kind
        self.note = note
        self.responseDue = responseDue
        self.issuedAt = issuedAt
        self.response = response
        self.respondedAt = respondedAt
    }

    /// Open while it needs an answer and has none.
    public var isOpen: Bool { kind.requiresResponse && response == nil }
}
