import Foundation

/// One entry of the FixMyStreet `servicerequestupdates` extension: something that happened to a
/// public case (its status after it and the note meant for the public).
public struct Open311Update: Sendable, Equatable {
    public var id: String
    public var requestId: String
    /// `open` or `closed` after the update.
    public var status: String
    public var description: String
    public var updatedAt: Date
}
