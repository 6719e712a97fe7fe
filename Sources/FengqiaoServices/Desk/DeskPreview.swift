import FengqiaoDomain
import Foundation

/// A draft that passed every check, shown before saving: where it will be filed and the cases it may
/// duplicate (查重), best first.
public struct DeskPreview: Sendable, Equatable {
    public var channelName: String
    public var kindName: String
    public var categoryName: String
    public var urgencyName: String
    /// The grid (or area) it will be filed under, by name.
    public var placeName: String
    public var pages: [StagedPage]
    public var duplicates: [CaseDuplicate]
}
