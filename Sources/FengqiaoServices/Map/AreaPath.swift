import FengqiaoDomain

/// An area with its ancestors, from the city down: what a point or an address resolves to.
public struct AreaPath: Sendable, Hashable {
    /// Root first, the resolved area last; never empty.
    public let nodes: [AreaNode]

    init?(_ nodes: [AreaNode]) {
        guard !nodes.isEmpty else { return nil }
        self.nodes = nodes
    }

    /// The resolved (finest) area.
    public var leaf: AreaNode { nodes[nodes.count - 1] }

    /// The area of `level` on the path, if the path reaches that deep.
    public func at(_ level: AreaLevel) -> AreaNode? { nodes.first { $0.level == level } }

    /// Where a case is filed: the finest administrative area on the path (normally the village)
    /// and the finest grid, if any (a micro-grid's code extends its grid's).
    public var filing: (areaCode: String, gridCode: String?) {
        let administrative = nodes.last { $0.level.isAdministrative } ?? nodes[0]
        let grid = nodes.last { $0.level == .grid || $0.level == .microGrid }
        return (administrative.code, grid?.code)
    }
}
