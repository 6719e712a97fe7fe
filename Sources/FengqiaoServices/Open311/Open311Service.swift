/// One entry of GeoReport v2 `services`: a second-level category of the case tree.
public struct Open311Service: Sendable, Equatable {
    /// The category's stable code (`dispute.neighbour`).
    public var code: String
    public var name: String
    public var description: String
    /// Always true: every service has the definition of `Open311Attribute.standard`.
    public var metadata: Bool
    /// `realtime`: a request is filed as a case at once.
    public var type: String
    public var keywords: String
    /// The kind's Chinese name (矛盾纠纷 …).
    public var group: String
}
