import FengqiaoDomain
import Foundation

/// One suggested mediator with why they rank where they do. `load` counts their open mediations;
/// `loadKnown` is always true now (kept for clients of the first version, where it was false).
public struct MediatorSuggestion: Sendable, Codable, Equatable {
    public var mediator: MediatorView
    public var specialtyMatch: Bool
    public var closeness: String
    public var closenessName: String
    public var load: Int
    public var loadKnown: Bool
}
