/// The answer to a GeoReport v2 `POST requests`: the case number, the requester's tracking code (the
/// `token`, also answered by `tokens/{token}`) and a notice.
public struct Open311Receipt: Sendable, Equatable {
    public var requestId: String
    public var token: String
    public var notice: String
}
