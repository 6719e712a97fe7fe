import Foundation

/// What registering at the desk made: the new case, and the case it was attached to (merged into), if any.
/// Kept as the answer to the confirmation's idempotency key.
public struct DeskRegistration: Sendable, Codable, Equatable {
    public var number: String
    public var attachedTo: String?
}
