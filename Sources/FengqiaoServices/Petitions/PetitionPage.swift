import FengqiaoStore
import Foundation

/// One page of the petition list with the figures of the whole filtered list.
public struct PetitionPage: Sendable, Codable, Equatable {
    public var petitions: [PetitionSummary]
    /// Petitions, visit batches (批次) and persons (人次), collective visits, over the list's filters (all pages).
    public var counts: PetitionCounts
    /// How many of them are past a statutory deadline now.
    public var overdue: Int
    /// The cursor of the next page, nil on the last.
    public var next: String?
}
