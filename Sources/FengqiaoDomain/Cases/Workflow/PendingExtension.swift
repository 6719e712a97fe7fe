import Foundation

/// A request for more time (延期申请) awaiting the centre's decision; the handling clock pauses meanwhile.
public struct PendingExtension: Sendable, Hashable, Codable {
    public var until: Date
    public var reason: String
    public var requestedAt: Date

    public init(until: Date, reason: String, requestedAt: Date) {
        self.until = until
        self.reason = reason
        self.requestedAt = requestedAt
    }
}
