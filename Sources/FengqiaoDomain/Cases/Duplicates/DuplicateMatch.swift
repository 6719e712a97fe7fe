import Foundation

/// Why a case looks like a duplicate of a report: a score out of 100, the description similarity
/// (0…1) and the reasons in Chinese (similarity, then address, grid, category).
public struct DuplicateMatch: Sendable, Equatable {
    public var score: Int
    public var similarity: Double
    public var reasons: [String]
}
