import FengqiaoDomain
import FengqiaoStore
import Foundation

/// An immutable, in-memory snapshot of the active area tree: the tree itself, a spatial index per
/// level for point → area lookups, and a place-name index for address → area lookups. Built from
/// the `areas` table; `AreaAtlasCache` replaces it when the map changes.
public struct AreaAtlas: Sendable {
    private let nodes: [String: AreaNode]
    private let childCodes: [String: [String]]
    /// Finest level first: a point is resolved at the deepest level that has a polygon holding it.
    private let indexes: [(level: AreaLevel, index: SpatialIndex<String>)]
    private let names: PlaceNameMatcher
    public let rootCode: String?

    public init(_ records: [AreaRecord]) {
        var nodes: [String: AreaNode] = [:]
        var children: [String: [String]] = [:]
        for record in records where record.status == "active" {
            guard let level = AreaLevel(rawValue: record.level) else { continue }
            let aliases = record.aliases.split(separator: "|").map(String.init)
            nodes[record.code] = AreaNode(
                code: record.code, parentCode: record.parentCode, level: level,
                gridKind: record.gridKind.flatMap(GridKind.init(rawValue:)), name: record.name, aliases: aliases,
                polygons: record.boundary.map(GeoPolygon.polygons(geoJSON:)) ?? [], squareMetres: record.areaM2)
            if let parent = record.parentCode { children[parent, default: []].append(record.code) }
        }
        self.nodes = nodes
        self.childCodes = children.mapValues { $0.sorted() }
        self.rootCode = nodes.values.filter { $0.parentCode == nil }.map(\.code).min()
        var indexes: [(AreaLevel, SpatialIndex<String>)] = []
        for level in AreaLevel.allCases.reversed() {
            // Special grids (学校, 园区 …) come first so that where one lies over an ordinary grid,
            // a point inside it resolves to the special grid.
            let entries = nodes.values.filter { $0.level == level && !$0.polygons.isEmpty }
                .sorted { ($0.gridKind == .ordinary || $0.gridKind == nil ? 1 : 0, $0.code) < ($1.gridKind == .ordinary || $1.gridKind == nil ? 1 : 0, $1.code) }
                .map { SpatialIndex<String>.Entry(id: $0.code, polygons: $0.polygons) }
            if !entries.isEmpty { indexes.append((level, SpatialIndex(entries))) }
        }
        self.indexes = indexes
        self.names = PlaceNameMatcher(areas: nodes.values.compactMap { node in
            AreaCode(node.code).map {
                PlaceNameMatcher.KnownArea(code: $0, level: node.level, name: node.name, aliases: node.aliases)
            }
        })
    }

    public var count: Int { nodes.count }

    public func node(_ code: String) -> AreaNode? { nodes[code] }

    /// Active children, by code.
    public func children(of code: String) -> [AreaNode] { (childCodes[code] ?? []).compactMap { nodes[$0] } }

    /// The area and its ancestors, root first; nil for an unknown or retired code.
    public func path(to code: String) -> AreaPath? {
        var chain: [AreaNode] = []
        var current = nodes[code]
        while let node = current, chain.count <= AreaLevel.allCases.count {
            chain.append(node)
            current = node.parentCode.flatMap { nodes[$0] }
        }
        return AreaPath(chain.reversed())
    }

    /// The finest area whose boundary holds `point`, with its ancestors.
    public func locate(_ point: Coordinate) -> AreaPath? {
        for (_, index) in indexes {
            if let code = index.locate(point) { return path(to: code) }
        }
        return nil
    }

    /// The area an address names, by the known names and aliases of areas.
    public func resolve(address: String) -> PlaceNameMatcher.Resolution { names.resolve(address) }
}
