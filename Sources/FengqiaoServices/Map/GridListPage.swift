import FengqiaoDomain

/// A page of grids in code order; `nextCode` (the last grid's code) continues it, nil on the last page.
public struct GridListPage: Sendable, Equatable {
    public var grids: [AreaNode]
    public var nextCode: String?

    public init(grids: [AreaNode], nextCode: String?) {
        self.grids = grids
        self.nextCode = nextCode
    }
}
