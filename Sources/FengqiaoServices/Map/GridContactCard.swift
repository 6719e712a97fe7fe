import FengqiaoDomain

/// 网格服务联系卡: who serves a grid and how residents reach them, for printing and posting in the grid.
public struct GridContactCard: Sendable {
    public struct Member: Sendable, Equatable {
        public let post: GridPost
        public let name: String
        /// The work phone residents may call, in full: the card exists to publish it.
        public let phone: String?
    }

    public let grid: AreaNode
    /// Township, village (or community) and grid names, for the card's heading.
    public let place: [String]
    public let members: [Member]
    /// The nearest centre up the tree that has a hotline.
    public let centerName: String?
    public let hotline: String?
}
