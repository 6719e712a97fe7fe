import FengqiaoDomain
import Foundation

/// Fits WGS84 polygons into an SVG viewBox, north up.
///
/// Equirectangular, with longitude scaled by the cosine of the middle latitude: at 40° N a degree of
/// longitude is only 0.77 of a degree of latitude on the ground, and without the factor every village
/// would look a quarter wider than it is. Over the few kilometres a township spans that is as good as
/// any real projection.
struct AreaMapProjection: Sendable {
    /// A point in SVG pixels, y growing downwards.
    struct Point: Hashable, Sendable {
        var x: Double
        var y: Double
    }

    /// Pixels kept free around the drawing so strokes at the edge are not cut off.
    static let margin = 12.0

    /// The viewBox width in pixels.
    let width: Double
    /// The viewBox height in pixels: follows the shapes' aspect ratio, clamped to `width/4 … width·1.4`.
    let height: Double
    private let scale: Double
    private let longitudeFactor: Double
    private let west: Double
    private let north: Double
    private let offsetX: Double
    private let offsetY: Double

    /// A projection that fits every valid point into `width` pixels; nil when no point is a valid
    /// WGS84 coordinate (NaN, infinite and out-of-range points are ignored).
    init?(covering points: [Coordinate], width: Double) {
        guard let box = BoundingBox(covering: points.filter(Self.isValid)) else { return nil }
        self.width = width
        longitudeFactor = max(cos(box.center.latitude * .pi / 180), 0.01)
        let spanX = box.width * longitudeFactor
        let spanY = box.height
        let innerWidth = width - 2 * Self.margin
        let naturalHeight = spanX > 0 ? innerWidth * spanY / spanX + 2 * Self.margin : width
        height = min(max(naturalHeight, width / 4), width * 1.4).rounded()
        let innerHeight = height - 2 * Self.margin
        let fitted = min(spanX > 0 ? innerWidth / spanX : .infinity, spanY > 0 ? innerHeight / spanY : .infinity)
        // A single point has no extent to fit; any finite scale puts it in the middle.
        scale = fitted.isFinite ? fitted : 1
        west = box.minLongitude
        north = box.maxLatitude
        offsetX = (width - spanX * scale) / 2
        offsetY = (height - spanY * scale) / 2
    }

    /// The pixel position of `coordinate`, or nil when it is not a valid WGS84 coordinate.
    func project(_ coordinate: Coordinate) -> Point? {
        guard Self.isValid(coordinate) else { return nil }
        return Point(
            x: offsetX + (coordinate.longitude - west) * longitudeFactor * scale,
            y: offsetY + (north - coordinate.latitude) * scale)
    }

    /// The polygon in pixels, or nil when its exterior keeps fewer than three valid points.
    func project(_ polygon: GeoPolygon) -> Polygon? {
        let rings = polygon.rings.map { ring -> [Point] in
            var points = ring.compactMap(project)
            // GeoJSON rings repeat their first point last; SVG's `Z` closes the ring instead.
            if points.count > 1, points.first == points.last { points.removeLast() }
            return points
        }
        guard let exterior = rings.first, exterior.count >= 3 else { return nil }
        return Polygon(rings: [exterior] + rings.dropFirst().filter { $0.count >= 3 })
    }

    /// SVG path data for several polygons in one path, one `M…Z` subpath per ring, so that holes and
    /// multipolygons render with `fill-rule="evenodd"`. Coordinates are rounded to 0.1 px and points that
    /// round onto the previous one are skipped; a polygon whose exterior collapses is left out entirely
    /// (its holes alone would be filled). Empty when nothing is left.
    static func pathData(_ polygons: [Polygon]) -> String {
        var data = ""
        for polygon in polygons {
            let rings = polygon.rings.map(roundedRing)
            guard let exterior = rings.first, exterior.count >= 3 else { continue }
            for ring in rings where ring.count >= 3 {
                for (index, point) in ring.enumerated() {
                    data += index == 0 ? "M" : "L"
                    data += AreaMap.tenths(point.x) + " " + AreaMap.tenths(point.y)
                }
                data += "Z"
            }
        }
        return data
    }

    /// A ring in tenths of a pixel without consecutive duplicates (nor a last point equal to the first).
    private static func roundedRing(_ ring: [Point]) -> [(x: Int, y: Int)] {
        var rounded: [(x: Int, y: Int)] = []
        for point in ring {
            let next = (x: tenths(point.x), y: tenths(point.y))
            if let last = rounded.last, last == next { continue }
            rounded.append(next)
        }
        if rounded.count > 1, let first = rounded.first, let last = rounded.last, first == last {
            rounded.removeLast()
        }
        return rounded
    }

    /// `value` in whole tenths; pixels stay within the viewBox, the clamp only guards the conversion.
    private static func tenths(_ value: Double) -> Int {
        let scaled = (value * 10).rounded()
        guard scaled.isFinite else { return 0 }
        return Int(min(max(scaled, -1e9), 1e9))
    }

    private static func isValid(_ coordinate: Coordinate) -> Bool {
        coordinate.latitude.isFinite && coordinate.longitude.isFinite
            && abs(coordinate.latitude) <= 90 && abs(coordinate.longitude) <= 180
    }
}

extension AreaMapProjection {
    /// A polygon in pixels: the exterior ring first, then its holes; rings are open (no repeated point).
    struct Polygon: Hashable, Sendable {
        var rings: [[Point]]

        /// Where a label goes and how much room it has.
        struct Anchor: Hashable, Sendable {
            /// The centre of the label.
            var point: Point
            /// Width available to text centred on `point`, along the horizontal line through it.
            var width: Double
            /// Height of the polygon's bounding box.
            var height: Double
        }

        /// Area in square pixels: the exterior minus the holes.
        var area: Double {
            guard let exterior = rings.first else { return 0 }
            return abs(Self.signedArea(exterior)) - rings.dropFirst().reduce(0) { $0 + abs(Self.signedArea($1)) }
        }

        /// A point inside the polygon for its label: the centroid of the exterior ring when that lies
        /// inside (not in a hole, not in the bay of a U or C shape), otherwise the middle of the widest
        /// inside span along the horizontal line halfway down the bounding box. Nil for a degenerate polygon.
        func labelAnchor() -> Anchor? {
            guard let exterior = rings.first, let minY = exterior.map(\.y).min(), let maxY = exterior.map(\.y).max()
            else { return nil }
            let height = maxY - minY
            let centroid = Self.centroid(exterior)
            if let span = spans(atY: centroid.y).first(where: { $0.contains(centroid.x) }) {
                let room = 2 * min(centroid.x - span.lowerBound, span.upperBound - centroid.x)
                return Anchor(point: centroid, width: room, height: height)
            }
            let middle = (minY + maxY) / 2
            let widest = spans(atY: middle).max { $0.upperBound - $0.lowerBound < $1.upperBound - $1.lowerBound }
            guard let widest else { return nil }
            return Anchor(
                point: Point(x: (widest.lowerBound + widest.upperBound) / 2, y: middle),
                width: widest.upperBound - widest.lowerBound, height: height)
        }

        /// The stretches of the horizontal line at `y` that lie inside the polygon (even–odd over all rings).
        func spans(atY y: Double) -> [ClosedRange<Double>] {
            var crossings: [Double] = []
            for ring in rings {
                guard var previous = ring.last else { continue }
                for point in ring {
                    // Half-open test, so a vertex exactly on the line is counted once.
                    if (point.y > y) != (previous.y > y) {
                        let t = (y - previous.y) / (point.y - previous.y)
                        crossings.append(previous.x + t * (point.x - previous.x))
                    }
                    previous = point
                }
            }
            crossings.sort()
            return stride(from: 0, to: crossings.count - 1, by: 2).map { crossings[$0]...crossings[$0 + 1] }
        }

        private static func signedArea(_ ring: [Point]) -> Double {
            guard var previous = ring.last else { return 0 }
            var sum = 0.0
            for point in ring {
                sum += previous.x * point.y - point.x * previous.y
                previous = point
            }
            return sum / 2
        }

        /// The area centroid of a ring; the vertex mean when the ring has no area.
        private static func centroid(_ ring: [Point]) -> Point {
            let area = signedArea(ring)
            guard abs(area) > 1e-9, var previous = ring.last else {
                let count = Double(max(ring.count, 1))
                return Point(x: ring.reduce(0) { $0 + $1.x } / count, y: ring.reduce(0) { $0 + $1.y } / count)
            }
            var x = 0.0
            var y = 0.0
            for point in ring {
                let cross = previous.x * point.y - point.x * previous.y
                x += (previous.x + point.x) * cross
                y += (previous.y + point.y) * cross
                previous = point
            }
            return Point(x: x / (6 * area), y: y / (6 * area))
        }
    }
}
