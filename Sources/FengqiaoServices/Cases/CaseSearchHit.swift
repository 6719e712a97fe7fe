import Foundation

/// One case found by the global search: enough to recognise it and open `/cases/{number}`. The
/// description is only a snippet with long digit runs hidden (`SearchSnippet`); the tracking code is
/// never shown.
public struct CaseSearchHit: Sendable, Equatable, Codable {
    /// How the case matched: `number`, `trackingCode` or `text`.
    public var matched: String
    public var number: String
    public var state: String
    public var stateName: String
    public var kind: String
    public var kindName: String
    public var category: String
    public var areaCode: String
    public var address: String?
    public var snippet: String
    public var reportedAt: Date
}
