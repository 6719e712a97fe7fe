import FengqiaoDomain
import Foundation

/// One suggested mediator with why they rank where they do. `loadKnown` is false while mediators are
/// not linked to accounts: the load is then 0 for everyone and does not decide the order.
public struct MediatorSuggestion: Sendable, Codable, Equatable {
    public var mediator: MediatorView
    public var specialtyMatch: Bool
    public var closeness: String
    public var closenessName: String
    public var load: Int
    public var loadKnown: Bool
}
