import Foundation

/// The JSON body of a case command, every field optional: which fields a command reads is listed in
/// `CaseCommandRequest.command(…)`. Dates are ISO 8601; enumerations take their code (`satisfied`, `phone` …).
public struct CaseCommandBody: Sendable, Codable, Equatable {
    /// accept: the case kind (`dispute` …); supervise: `reminder` | `order` | `listed`.
    public var kind: String?
    public var category: String?
    public var urgency: String?
    public var tier: String?
    public var slaPreset: String?
    public var reason: String?
    /// How the requester is told or asked (`phone`, `sms`, `portal`, `inPerson`, `letter`).
    public var channel: String?
    /// merge: the number of the case to merge into.
    public var into: String?
    public var result: String?
    public var evidence: [String]?
    public var lead: Int64?
    public var assisting: [Int64]?
    public var deadline: Date?
    public var overrideReason: String?
    /// ruleOnReturn: `uphold` | `reassign`.
    public var ruling: String?
    public var outcome: String?
    public var note: String?
    public var departments: [Int64]?
    public var checkInDue: Date?
    public var department: Int64?
    public var until: Date?
    public var isPublic: Bool?
    public var waivedAssisting: [Int64]?
    public var pass: Bool?
    public var reply: String?
    public var satisfaction: String?
    public var responseDue: Date?
    public var number: Int?
    public var response: String?

    public init() {}
}
