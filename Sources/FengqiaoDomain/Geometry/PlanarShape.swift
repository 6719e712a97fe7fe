import Foundation

/// One region's boundary as directed edges with the interior on their left (exteriors counter-clockwise,
/// holes clockwise), indexed in horizontal bands so that the edges near a point or a box are found without
/// scanning a county's thousands of edges.
struct PlanarShape: Sendable {
    let segments: [PlanarSegment]
    let minX: Double
    let minY: Double
    let maxX: Double
    let maxY: Double
    /// `bands[b]` lists the segments whose latitude range meets band `b`.
    private let bands: [[Int32]]
    private let bandHeight: Double

    /// Builds the shape from closed, correctly oriented rings; zero-length edges (repeated points) are dropped.
    init(rings: [[PlanarPoint]]) {
        self.init(segments: rings.flatMap { ring in zip(ring, ring.dropFirst()).map(PlanarSegment.init) })
    }

    /// Builds the shape from directed segments that together form closed loops; zero-length ones are dropped.
    init(segments all: [PlanarSegment]) {
        let segments = all.filter { $0.start != $0.end }
        self.segments = segments
        minX = segments.map(\.minX).min() ?? .infinity
        minY = segments.map(\.minY).min() ?? .infinity
        maxX = segments.map(\.maxX).max() ?? -.infinity
        maxY = segments.map(\.maxY).max() ?? -.infinity
        let count = max(1, min(1024, Int(Double(segments.count).squareRoot())))
        let height = maxY > minY ? (maxY - minY) / Double(count) : 0
        bandHeight = height
        var bands = [[Int32]](repeating: [], count: height > 0 ? count : 1)
        for (index, segment) in segments.enumerated() {
            let first = Self.band(of: segment.minY, minY: minY, height: height, count: bands.count)
            let last = Self.band(of: segment.maxY, minY: minY, height: height, count: bands.count)
            for band in first...max(first, last) { bands[band].append(Int32(index)) }
        }
        self.bands = bands
    }

    /// The polygons' rings, as `GeoPolygon` has already closed and oriented them.
    init(polygons: [GeoPolygon]) {
        self.init(rings: polygons.flatMap(\.rings).map { $0.map(PlanarPoint.init) })
    }

    /// The region inside one ring, whichever way the ring runs (used to treat a hole as a region of its own).
    init(regionInside ring: [Coordinate]) {
        self.init(polygons: [GeoPolygon(exterior: ring)])
    }

    var isEmpty: Bool { segments.isEmpty }

    /// Whether the shape's box, widened by `margin`, meets the given box.
    func boxMeets(minX: Double, minY: Double, maxX: Double, maxY: Double, margin: Double) -> Bool {
        self.minX <= maxX + margin && minX <= self.maxX + margin && self.minY <= maxY + margin
            && minY <= self.maxY + margin
    }

    /// Indexes of the segments whose latitude range may meet `minY…maxY`, each listed once.
    func segmentIndices(minY low: Double, maxY high: Double) -> [Int] {
        guard low <= maxY, high >= minY else { return [] }
        let first = band(of: low)
        let last = max(first, band(of: high))
        var result: [Int] = []
        for b in first...last {
            for index in bands[b] {
                let segment = segments[Int(index)]
                // A segment spanning several bands is reported from the first band of the query it meets.
                if b == first || band(of: segment.minY) == b { result.append(Int(index)) }
            }
        }
        return result
    }

    /// The winding number of the boundary around `point`: nonzero inside (two where overlapping parts cover
    /// it), zero outside and in holes. Crossings are counted half-open in latitude, so a point level with a
    /// vertex counts once.
    func winding(at point: PlanarPoint) -> Int {
        guard point.y >= minY, point.y <= maxY, point.x <= maxX else { return 0 }
        var winding = 0
        for index in bands[band(of: point.y)] {
            let s = segments[Int(index)]
            let side = (s.end.x - s.start.x) * (point.y - s.start.y) - (point.x - s.start.x) * (s.end.y - s.start.y)
            if s.start.y <= point.y {
                if s.end.y > point.y && side > 0 { winding += 1 }
            } else if s.end.y <= point.y && side < 0 {
                winding -= 1
            }
        }
        return winding
    }

    private func band(of y: Double) -> Int { Self.band(of: y, minY: minY, height: bandHeight, count: bands.count) }

    /// The band holding latitude `y`, clamped into range; never traps on NaN.
    private static func band(of y: Double, minY: Double, height: Double, count: Int) -> Int {
        guard height > 0 else { return 0 }
        let position = ((y - minY) / height).rounded(.down)
        guard position.isFinite else { return 0 }
        return Int(min(Double(count - 1), max(0, position)))
    }
}
