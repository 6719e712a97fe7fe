import FengqiaoDomain

/// A second-level category of the case tree (e.g. 矛盾纠纷 › 邻里纠纷). `code` is stable for ever
/// (`dispute.neighbour`, or `dispute.c57` for one an administrator added); the name may change, and
/// a category no longer offered is deactivated, never deleted, so old cases keep theirs.
public struct CaseCategory: Sendable, Equatable, Codable {
    public var code: String
    public var kind: CaseKind
    public var name: String
    public var active: Bool
    /// The place among the kind's categories, from 1.
    public var position: Int

    public init(code: String, kind: CaseKind, name: String, active: Bool, position: Int) {
        self.code = code
        self.kind = kind
        self.name = name
        self.active = active
        self.position = position
    }
}
