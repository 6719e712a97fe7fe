import Foundation

/// Measures the region that lies inside every *subject* shape and outside every *cutter* shape — an overlap
/// (two subjects), the part of a child outside its parent (child minus parent), the gap in a parent
/// (parent minus all children) — without building that region.
///
/// Green's theorem makes this possible: an area is an integral around its boundary, and the boundary of the
/// region is made of pieces of the shapes' own edges. After ``OverlayEdges`` has cut all edges where they meet,
/// each piece either bounds the region (the region lies on exactly one side of it) or does not, and the
/// region's area is the sum of ``GeodesicArea`` edge integrals over the pieces that bound it.
/// Which side of a piece lies inside a shape is read from the shape's winding number just beside the piece's
/// middle; because shared borders have become one and the same edge, both tiles sharing it are asked about the
/// same two points, so a border is never counted twice or lost to rounding.
enum BoundaryOverlay {
    /// The size of a measured region.
    struct Measure: Sendable, Equatable {
        var squareMetres: Double
        /// Length of the region's whole boundary.
        var perimeterMetres: Double
        /// A point on the region's boundary (the middle of its longest edge), to say where it is.
        var location: Coordinate?

        static let empty = Measure(squareMetres: 0, perimeterMetres: 0, location: nil)

        /// Twice the area over the perimeter: the width of a long thin sliver.
        var meanWidthMetres: Double { perimeterMetres > 0 ? 2 * squareMetres / perimeterMetres : 0 }
    }

    /// The region inside all of `subjects` and outside all of `cutters`; points closer than `snap` degrees
    /// count as one point.
    static func measure(_ subjects: [PlanarShape], minus cutters: [PlanarShape] = [], snap: Double) -> Measure {
        guard !subjects.isEmpty, !subjects.contains(where: \.isEmpty) else { return .empty }
        // The region lies inside every subject's box.
        let window = (
            minX: subjects.map(\.minX).max() ?? 0, minY: subjects.map(\.minY).max() ?? 0,
            maxX: subjects.map(\.maxX).min() ?? 0, maxY: subjects.map(\.maxY).min() ?? 0
        )
        guard window.minX <= window.maxX, window.minY <= window.maxY else { return .empty }
        let shapes = subjects + cutters
        let buckets = ShapeBuckets(shapes, margin: 10 * snap)
        // Wider than the buckets' margin, so every piece the buckets can see also has its twins cut.
        let margin = 100 * snap
        let active = shapes.map { shape in
            shape.segmentIndices(minY: window.minY - margin, maxY: window.maxY + margin).filter {
                shape.segments[$0].maxX >= window.minX - margin && shape.segments[$0].minX <= window.maxX + margin
            }
        }
        let edges = OverlayEdges(shapes: shapes, active: active, neighbours: buckets.neighbours(of:), snap: snap)
        let referenceSine = sin((window.minY + window.maxY) / 2 * GeodesicArea.radiansPerDegree)

        var result = Measure.empty
        var longest = 0.0
        for (edge, ends) in edges.ends.enumerated() {
            let a = edges.points[ends.low]
            let b = edges.points[ends.high]
            guard
                let sides = regionSides(
                    of: PlanarSegment(start: a, end: b), along: edges.shapesAlong[edge], edges: edges,
                    subjectCount: subjects.count, buckets: buckets),
                sides.left != sides.right
            else { continue }
            let integral = GeodesicArea.edgeIntegral(
                fromLongitude: a.x, latitude: a.y, toLongitude: b.x, latitude: b.y, referenceSine: referenceSine)
            let length = GeodesicArea.edgeLength(fromLongitude: a.x, latitude: a.y, toLongitude: b.x, latitude: b.y)
            // The region lies to the left of a counter-clockwise boundary.
            result.squareMetres += sides.left ? integral : -integral
            result.perimeterMetres += length
            if length > longest {
                longest = length
                result.location = PlanarSegment(start: a, end: b).midpoint.coordinate
            }
        }
        // Rounding can leave a hair below zero when there is nothing to measure.
        result.squareMetres = max(0, result.squareMetres)
        return result
    }

    /// Whether the region lies on the left and on the right of `edge`; nil when some subject is on neither
    /// side (the edge cannot bound the region).
    ///
    /// Each cut shape's winding number is read at two points a hair (1e-11°, about a micrometre) left and right
    /// of the edge's middle: far above rounding noise, far below any real feature of a boundary. Shapes having
    /// the edge on their own boundary therefore see the two points on its two sides, as they must.
    private static func regionSides(
        of edge: PlanarSegment, along: [Int], edges: OverlayEdges, subjectCount: Int, buckets: ShapeBuckets
    ) -> (left: Bool, right: Bool)? {
        let middle = edge.midpoint
        let length = edge.start.distance(to: edge.end)
        guard length > 0 else { return nil }
        let step = 1e-11 / length
        let normal = (x: -(edge.end.y - edge.start.y) * step, y: (edge.end.x - edge.start.x) * step)
        let leftPoint = PlanarPoint(x: middle.x + normal.x, y: middle.y + normal.y)
        let rightPoint = PlanarPoint(x: middle.x - normal.x, y: middle.y - normal.y)

        var candidates = Set(buckets.shapes(near: middle))
        candidates.formUnion(along)
        var left = true
        var right = true
        for k in 0..<subjectCount {
            guard candidates.contains(k) else { return nil }
            let inLeft = edges.winding(of: k, at: leftPoint) != 0
            let inRight = edges.winding(of: k, at: rightPoint) != 0
            guard inLeft || inRight else { return nil }
            left = left && inLeft
            right = right && inRight
        }
        for k in candidates where k >= subjectCount && (left || right) {
            left = left && edges.winding(of: k, at: leftPoint) == 0
            right = right && edges.winding(of: k, at: rightPoint) == 0
        }
        return (left, right)
    }
}
