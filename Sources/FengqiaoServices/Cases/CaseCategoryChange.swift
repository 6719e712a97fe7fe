/// What an administrator changes about one category; nil leaves that part as it is. Everything
/// given is validated first and applied in one transaction, or nothing is.
public struct CaseCategoryChange: Sendable, Equatable {
    public var name: String?
    public var active: Bool?
    /// The new place among the kind's categories, from 1.
    public var position: Int?

    public init(name: String? = nil, active: Bool? = nil, position: Int? = nil) {
        self.name = name
        self.active = active
        self.position = position
    }

    public var isEmpty: Bool { name == nil && active == nil && position == nil }
}
