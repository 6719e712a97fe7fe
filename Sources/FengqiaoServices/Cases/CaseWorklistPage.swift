import Foundation

/// A page of a worklist; `next` is the cursor of the following page, nil on the last one.
public struct CaseWorklistPage: Sendable, Codable, Equatable {
    public var cases: [CaseWorklistItem]
    public var next: String?

    enum CodingKeys: String, CodingKey { case cases, next }

    /// `next` is written as `null` on the last page rather than left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cases, forKey: .cases)
        try container.encode(next, forKey: .next)
    }
}
