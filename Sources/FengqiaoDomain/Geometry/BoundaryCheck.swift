import Foundation

/// Checks one parent area against its direct children, the way the governance map must hold together:
/// every child lies inside its parent, the children that tile the parent do not overlap each other, and
/// together they cover it without gaps ("小事不出村" needs every spot of a village to belong to one grid).
///
/// Each finding carries the area in m², so a 3 m² digitising slip and a missing 2 ha field are told apart;
/// flaws below the ``BoundaryTolerance`` are ignored, so tiles that share borders exactly — including a vertex
/// of one tile lying in the middle of its neighbour's edge — pass with no overlap and no gap.
public struct BoundaryCheck: Sendable {
    /// An area taking part in a check.
    public struct Area: Sendable {
        public var code: AreaCode
        public var boundary: GeoBoundary
        /// Whether the area is one of the tiles that together cover the parent (ordinary grids). Special grids
        /// (园区/商圈/学校) must lie inside the parent but may overlap the ordinary grids and leave gaps.
        public var tilesParent: Bool

        public init(code: AreaCode, boundary: GeoBoundary, tilesParent: Bool = true) {
            self.code = code
            self.boundary = boundary
            self.tilesParent = tilesParent
        }
    }

    public var tolerance: BoundaryTolerance

    public init(tolerance: BoundaryTolerance = .standard) {
        self.tolerance = tolerance
    }

    /// Every problem between `parent` and its direct `children`, in this order: children outside the parent
    /// (`outside_parent`, in the children's order), overlapping tiles (`overlaps_sibling`, each pair once), and
    /// the part of the parent no tile covers (`gap_in_parent`). A parent without tiling children has no gap:
    /// it has not been divided yet.
    public func problems(parent: Area, children: [Area]) -> [BoundaryProblem] {
        let snap = tolerance.snapDegrees
        let parentShape = PlanarShape(polygons: parent.boundary.polygons)
        let shapes = children.map { PlanarShape(polygons: $0.boundary.polygons) }
        var problems: [BoundaryProblem] = []

        for (child, shape) in zip(children, shapes) {
            let outside = BoundaryOverlay.measure([shape], minus: [parentShape], snap: snap)
            if tolerance.reports(outside) { problems.append(.outsideParent(child.code, parent: parent.code, outside)) }
        }

        let tiles = children.indices.filter { children[$0].tilesParent }
        let tileShapes = tiles.map { shapes[$0] }
        // Only tiles whose boxes meet are compared, which keeps a county's thousands of children near-linear.
        let buckets = ShapeBuckets(tileShapes, margin: 0)
        for a in tileShapes.indices {
            for b in buckets.neighbours(of: a) where b > a {
                let overlap = BoundaryOverlay.measure([tileShapes[a], tileShapes[b]], snap: snap)
                if tolerance.reports(overlap) {
                    problems.append(.overlapsSibling(children[tiles[a]].code, children[tiles[b]].code, overlap))
                }
            }
        }

        if !tileShapes.isEmpty {
            let gap = BoundaryOverlay.measure([parentShape], minus: tileShapes, snap: snap)
            if tolerance.reports(gap) { problems.append(.gapInParent(parent.code, gap)) }
        }
        return problems
    }
}

extension GeoBoundary {
    /// The area in m² that this boundary shares with `other` (no tolerance applied).
    public func squareMetres(sharedWith other: GeoBoundary, tolerance: BoundaryTolerance = .standard) -> Double {
        BoundaryOverlay.measure(
            [PlanarShape(polygons: polygons), PlanarShape(polygons: other.polygons)], snap: tolerance.snapDegrees
        ).squareMetres
    }

    /// The area in m² of this boundary that lies outside `other` (no tolerance applied).
    public func squareMetres(outside other: GeoBoundary, tolerance: BoundaryTolerance = .standard) -> Double {
        BoundaryOverlay.measure(
            [PlanarShape(polygons: polygons)], minus: [PlanarShape(polygons: other.polygons)],
            snap: tolerance.snapDegrees
        ).squareMetres
    }

    /// The area in m² of this boundary that none of `others` covers (no tolerance applied).
    public func squareMetres(notCoveredBy others: [GeoBoundary], tolerance: BoundaryTolerance = .standard) -> Double {
        BoundaryOverlay.measure(
            [PlanarShape(polygons: polygons)], minus: others.map { PlanarShape(polygons: $0.polygons) },
            snap: tolerance.snapDegrees
        ).squareMetres
    }
}
