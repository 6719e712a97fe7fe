/// A job taken by one worker under a lease.
public struct ClaimedJob: Sendable, Codable, Equatable {
    public var id: Int64
    public var kind: String
    public var payload: String
    public var attempts: Int
}
