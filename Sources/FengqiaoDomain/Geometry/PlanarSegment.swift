import Foundation

/// A point in the longitude/latitude plane (x = longitude, y = latitude, degrees): the working form of the
/// boundary checks, which treat edges as straight lines in that plane as GeoJSON does.
struct PlanarPoint: Hashable, Sendable {
    var x: Double
    var y: Double

    init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    init(_ coordinate: Coordinate) {
        self.init(x: coordinate.longitude, y: coordinate.latitude)
    }

    var coordinate: Coordinate { Coordinate(latitude: y, longitude: x) }

    func distance(to other: PlanarPoint) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }

    /// Lexicographic order, used to make computations independent of which way an edge runs.
    func precedes(_ other: PlanarPoint) -> Bool { x < other.x || (x == other.x && y < other.y) }
}

/// A directed straight edge between two points.
struct PlanarSegment: Sendable {
    var start: PlanarPoint
    var end: PlanarPoint

    var minX: Double { min(start.x, end.x) }
    var maxX: Double { max(start.x, end.x) }
    var minY: Double { min(start.y, end.y) }
    var maxY: Double { max(start.y, end.y) }
    var midpoint: PlanarPoint { PlanarPoint(x: (start.x + end.x) / 2, y: (start.y + end.y) / 2) }

    /// Where `point` projects onto the line, as a fraction of the way from `start` to `end`.
    func parameter(of point: PlanarPoint) -> Double {
        let dx = end.x - start.x
        let dy = end.y - start.y
        let lengthSquared = dx * dx + dy * dy
        guard lengthSquared > 0 else { return 0 }
        return ((point.x - start.x) * dx + (point.y - start.y) * dy) / lengthSquared
    }

    /// The distance from `point` to the nearest point of the segment.
    func distance(to point: PlanarPoint) -> Double {
        let t = min(1, max(0, parameter(of: point)))
        let nearest = PlanarPoint(x: start.x + t * (end.x - start.x), y: start.y + t * (end.y - start.y))
        return nearest.distance(to: point)
    }

    /// Whether the two boxes, widened by `margin`, meet.
    func boxMeets(_ other: PlanarSegment, margin: Double) -> Bool {
        minX <= other.maxX + margin && other.minX <= maxX + margin && minY <= other.maxY + margin
            && other.minY <= maxY + margin
    }

    /// The point where the two segments cross in the interior of both, if they do.
    ///
    /// The result does not depend on the order or direction of the segments, so two shapes that share an
    /// edge get exactly the same crossing point with a third edge. Callers rule out touching endpoints first.
    func crossing(with other: PlanarSegment) -> PlanarPoint? {
        var first = canonical
        var second = other.canonical
        if second.start.precedes(first.start) || (second.start == first.start && second.end.precedes(first.end)) {
            swap(&first, &second)
        }
        let r = (x: first.end.x - first.start.x, y: first.end.y - first.start.y)
        let s = (x: second.end.x - second.start.x, y: second.end.y - second.start.y)
        let denominator = r.x * s.y - r.y * s.x
        guard denominator != 0, denominator.isFinite else { return nil }
        let q = (x: second.start.x - first.start.x, y: second.start.y - first.start.y)
        let t = (q.x * s.y - q.y * s.x) / denominator
        let u = (q.x * r.y - q.y * r.x) / denominator
        guard t > 0, t < 1, u > 0, u < 1 else { return nil }
        return PlanarPoint(x: first.start.x + t * r.x, y: first.start.y + t * r.y)
    }

    /// The same segment with its endpoints in lexicographic order.
    private var canonical: PlanarSegment {
        end.precedes(start) ? PlanarSegment(start: end, end: start) : self
    }
}
