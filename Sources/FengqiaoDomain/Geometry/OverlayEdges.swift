import Foundation

/// The boundaries of several shapes cut at every point where they touch or cross, with points closer than the
/// snap distance merged and coincident pieces merged into one edge that remembers every shape it came from.
///
/// This is what makes shared borders exact: two tiles that share an edge, or where one tile's vertex lies in
/// the middle of its neighbour's edge (a T-junction), end up with the very same edge, listed once with both
/// tiles, instead of two nearly equal edges that rounding would tell apart.
///
/// Snapping moves the cut edges by up to the snap distance, so whether a point lies inside a shape must be
/// asked of the *cut* shape, not the original, or an edge that snapping laid onto a neighbour's border could
/// be judged against the original border a hair away. ``winding(of:at:)`` answers for the cut shape.
struct OverlayEdges {
    /// Representative points; edges refer to them by index.
    var points: [PlanarPoint] { snapper.points }
    /// Each edge's ends (`low < high`, indexes into `points`).
    private(set) var ends: [(low: Int, high: Int)] = []
    /// The shapes having a piece along each edge.
    private(set) var shapesAlong: [[Int]] = []

    private let shapes: [PlanarShape]
    private var snapper: PointSnapper
    private var edgeIndex: [UInt64: Int] = [:]
    /// For each shape, closed loops turning the original shape into the cut one: each cut segment reversed,
    /// followed by its pieces. Winding numbers add up, so shape + correction = the cut shape.
    private var corrections: [PlanarShape] = []

    /// Cuts the `active` segments of each shape (indexes per shape) against the active segments of the shape
    /// itself and of its `neighbours`.
    init(shapes: [PlanarShape], active: [[Int]], neighbours: (Int) -> [Int], snap: Double) {
        self.shapes = shapes
        snapper = PointSnapper(snap: snap)
        var splits: [[[PlanarPoint]]] = shapes.map { [[PlanarPoint]](repeating: [], count: $0.segments.count) }
        for i in shapes.indices where !active[i].isEmpty {
            for j in [i] + neighbours(i) where j >= i && active.indices.contains(j) && !active[j].isEmpty {
                for sa in active[i] {
                    let a = shapes[i].segments[sa]
                    let nearby = shapes[j].segmentIndices(minY: a.minY - snap, maxY: a.maxY + snap)
                    for sb in nearby where (i != j || sb > sa) && shapes[j].segments[sb].boxMeets(a, margin: snap) {
                        let b = shapes[j].segments[sb]
                        let (onA, onB) = Self.meeting(a, b, snap: snap)
                        splits[i][sa] += onA
                        splits[j][sb] += onB
                    }
                }
            }
        }
        for i in shapes.indices {
            var correction: [PlanarSegment] = []
            for s in active[i] {
                let segment = shapes[i].segments[s]
                let chain = addPieces(of: segment, cutAt: splits[i][s], shape: i)
                let cut = chain.map { points[$0] }
                guard cut.count != 2 || cut.first != segment.start || cut.last != segment.end else { continue }
                let loop = [segment.end, segment.start] + cut + [segment.end]
                correction += zip(loop, loop.dropFirst()).map(PlanarSegment.init)
            }
            corrections.append(PlanarShape(segments: correction))
        }
    }

    /// The winding number of the cut `shape` around `point`.
    func winding(of shape: Int, at point: PlanarPoint) -> Int {
        shapes[shape].winding(at: point) + corrections[shape].winding(at: point)
    }

    /// The points where `b` touches or crosses the inside of `a`, and those where `a` meets the inside of `b`.
    private static func meeting(_ a: PlanarSegment, _ b: PlanarSegment, snap: Double) -> ([PlanarPoint], [PlanarPoint])
    {
        var onA: [PlanarPoint] = []
        var onB: [PlanarPoint] = []
        var touching = false
        for p in [b.start, b.end] where a.distance(to: p) <= snap {
            touching = true
            if p.distance(to: a.start) > snap && p.distance(to: a.end) > snap { onA.append(p) }
        }
        for p in [a.start, a.end] where b.distance(to: p) <= snap {
            touching = true
            if p.distance(to: b.start) > snap && p.distance(to: b.end) > snap { onB.append(p) }
        }
        // A touching point is added to the other segment, so in the cut geometry both pass through it and, being
        // straight, meet nowhere else: no crossing to look for (and near-parallel segments have none worth finding).
        if !touching, let crossing = a.crossing(with: b) {
            onA.append(crossing)
            onB.append(crossing)
        }
        return (onA, onB)
    }

    /// Adds the pieces of `segment` between its cut points; returns the chain of point indexes it became.
    private mutating func addPieces(of segment: PlanarSegment, cutAt cuts: [PlanarPoint], shape: Int) -> [Int] {
        let ordered = cuts.sorted { segment.parameter(of: $0) < segment.parameter(of: $1) }
        var chain = [snapper.id(for: segment.start)]
        for point in ordered + [segment.end] {
            let next = snapper.id(for: point)
            guard let previous = chain.last, next != previous else { continue }
            chain.append(next)
            let key = UInt64(min(previous, next)) << 32 | UInt64(max(previous, next))
            if let edge = edgeIndex[key] {
                if !shapesAlong[edge].contains(shape) { shapesAlong[edge].append(shape) }
            } else {
                edgeIndex[key] = ends.count
                ends.append((low: min(previous, next), high: max(previous, next)))
                shapesAlong.append([shape])
            }
        }
        return chain
    }
}

/// Merges points closer than the snap distance into one representative (the first one seen), using a hash
/// grid of snap-sized cells so each point is compared with a handful of others.
private struct PointSnapper {
    private(set) var points: [PlanarPoint] = []
    private var cells: [CellKey: [Int]] = [:]
    private let snap: Double

    private struct CellKey: Hashable {
        var column: Int64
        var row: Int64
    }

    init(snap: Double) { self.snap = max(snap, 1e-15) }

    /// The representative's index for `point`.
    mutating func id(for point: PlanarPoint) -> Int {
        let home = key(point)
        for dr in -1...1 {
            for dc in -1...1 {
                let cell = CellKey(column: home.column &+ Int64(dc), row: home.row &+ Int64(dr))
                for candidate in cells[cell] ?? [] where points[candidate].distance(to: point) <= snap {
                    return candidate
                }
            }
        }
        points.append(point)
        cells[home, default: []].append(points.count - 1)
        return points.count - 1
    }

    private func key(_ point: PlanarPoint) -> CellKey {
        CellKey(column: Self.cellNumber(point.x / snap), row: Self.cellNumber(point.y / snap))
    }

    /// `floor(value)` as an integer, clamped; never traps on NaN or huge values.
    private static func cellNumber(_ value: Double) -> Int64 {
        let floored = value.rounded(.down)
        guard floored.isFinite else { return 0 }
        return Int64(min(9e18, max(-9e18, floored)))
    }
}
