import FengqiaoDomain

/// One area of the in-memory map: where it sits in the tree and its boundary.
public struct AreaNode: Sendable, Hashable {
    public let code: String
    public let parentCode: String?
    public let level: AreaLevel
    /// For grids: ordinary or one of the special kinds (园区, 商圈, 学校 …).
    public let gridKind: GridKind?
    public let name: String
    public let aliases: [String]
    public let polygons: [GeoPolygon]
    /// Geodesic area of the boundary (0 without one).
    public let squareMetres: Double

    public init(
        code: String, parentCode: String?, level: AreaLevel, gridKind: GridKind?, name: String, aliases: [String],
        polygons: [GeoPolygon], squareMetres: Double? = nil
    ) {
        self.squareMetres = squareMetres ?? GeodesicArea.squareMetres(of: polygons)
        self.code = code
        self.parentCode = parentCode
        self.level = level
        self.gridKind = gridKind
        self.name = name
        self.aliases = aliases
        self.polygons = polygons
    }
}
