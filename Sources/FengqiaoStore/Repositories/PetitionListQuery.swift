import Foundation

/// Which petitions a list asks for: a range of place codes (a jurisdiction or area subtree) and the
/// filters of the list page, newest receipt first.
public struct PetitionListQuery: Sendable {
    public var prefix: String
    public var upperBound: String
    public var form: String?
    public var states: [String]?
    public var collectiveOnly: Bool
    public var repeatedOnly: Bool
    /// Only petitions that may be past a statutory deadline at `now`: the SQL pre-filter of the overdue
    /// list (a clock of n working days cannot end less than n − 1 calendar days after it started).
    public var possiblyOverdueAt: Int64?
    /// The position after which the page starts (`received_at`, `id`), for the next page.
    public var after: (receivedAt: Int64, id: Int64)?

    public init(
        prefix: String, upperBound: String, form: String? = nil, states: [String]? = nil, collectiveOnly: Bool = false,
        repeatedOnly: Bool = false, possiblyOverdueAt: Int64? = nil, after: (receivedAt: Int64, id: Int64)? = nil
    ) {
        self.prefix = prefix
        self.upperBound = upperBound
        self.form = form
        self.states = states
        self.collectiveOnly = collectiveOnly
        self.repeatedOnly = repeatedOnly
        self.possiblyOverdueAt = possiblyOverdueAt
        self.after = after
    }

    /// The open clocks' limits in calendar days less one, by the state in which each runs and the column of its start.
    static let openClocks: [(state: String, column: String, days: Int64)] = [
        ("received", "received_at", 14), ("accepted", "decided_at", 59), ("reviewRequested", "review_requested_at", 29),
        ("reReviewRequested", "re_review_requested_at", 29),
    ]
}
