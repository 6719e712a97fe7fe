import Foundation

/// A past batch as the hotline page lists it.
public struct HotlineBatchSummary: Sendable, Equatable {
    public let id: Int64
    public let filename: String
    public let format: String
    public let profile: String
    public let actor: String
    public let startedAt: Date
    /// Nil while the batch runs, or when it was cut off.
    public let finishedAt: Date?
    public let rows: Int
    public let created: Int
    public let alreadyImported: Int
    public let changed: Int
    public let failed: Int
    public let problemCount: Int
}
