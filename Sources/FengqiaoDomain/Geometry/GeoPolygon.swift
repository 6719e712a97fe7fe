import Foundation

/// A simple polygon in WGS84 `[longitude, latitude]`, with optional holes, following RFC 7946:
/// rings are closed (first point repeated last), the exterior ring runs counter-clockwise and holes
/// clockwise. Areas are planar in square degrees, which is what comparing nearby areas needs.
public struct GeoPolygon: Hashable, Sendable {
    /// The closed exterior ring, counter-clockwise.
    public let exterior: [Coordinate]
    /// Closed hole rings, clockwise.
    public let holes: [[Coordinate]]

    /// Builds a polygon from rings in any orientation, open or closed; rings are closed and
    /// re-oriented as RFC 7946 asks.
    public init(exterior: [Coordinate], holes: [[Coordinate]] = []) {
        self.exterior = Self.normalised(exterior, counterClockwise: true)
        self.holes = holes.map { Self.normalised($0, counterClockwise: false) }
    }

    /// All rings, exterior first.
    public var rings: [[Coordinate]] { [exterior] + holes }

    public var boundingBox: BoundingBox? { BoundingBox(covering: exterior) }

    /// Planar area in square degrees: the exterior minus the holes.
    public var area: Double {
        abs(Self.signedArea(exterior)) - holes.reduce(0) { $0 + abs(Self.signedArea($1)) }
    }

    /// Whether `point` lies inside (even–odd rule over all rings; points exactly on an edge may go either way).
    public func contains(_ point: Coordinate) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 4 {
            var j = ring.count - 2
            for i in 0..<(ring.count - 1) {
                let a = ring[i]
                let b = ring[j]
                if (a.latitude > point.latitude) != (b.latitude > point.latitude) {
                    let x =
                        (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude)
                        + a.longitude
                    if point.longitude < x { inside.toggle() }
                }
                j = i
            }
        }
        return inside
    }

    /// The shoelace signed area of a closed ring; positive when counter-clockwise.
    public static func signedArea(_ ring: [Coordinate]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            sum += ring[i].longitude * ring[i + 1].latitude - ring[i + 1].longitude * ring[i].latitude
        }
        return sum / 2
    }

    private static func normalised(_ ring: [Coordinate], counterClockwise: Bool) -> [Coordinate] {
        var closed = ring
        if let first = closed.first, closed.last != first { closed.append(first) }
        let isCounterClockwise = signedArea(closed) > 0
        return isCounterClockwise == counterClockwise ? closed : closed.reversed()
    }
}

extension GeoPolygon {
    /// The GeoJSON geometry object, e.g. `{"type":"Polygon","coordinates":[[[109.6,40.5],…]]}`, with
    /// coordinates rounded to `fractionDigits` decimals (6 ≈ 0.1 m).
    public func geoJSON(fractionDigits: Int = 6) -> String {
        var text = #"{"type":"Polygon","coordinates":["#
        for (r, ring) in rings.enumerated() {
            if r > 0 { text += "," }
            text += "["
            for (i, point) in ring.enumerated() {
                if i > 0 { text += "," }
                text += "["
                text += Self.format(point.longitude, fractionDigits: fractionDigits)
                text += ","
                text += Self.format(point.latitude, fractionDigits: fractionDigits)
                text += "]"
            }
            text += "]"
        }
        text += "]}"
        return text
    }

    /// Reads a GeoJSON `Polygon` geometry (a bare geometry or a Feature holding one); nil for anything else.
    public init?(geoJSON text: String) {
        guard let geometry = Self.rawGeometry(geoJSON: text), !geometry.isMulti, geometry.parts.count == 1,
              let polygon = geometry.parts.first.flatMap(Self.polygon(rawRings:))
        else { return nil }
        self = polygon
    }

    /// The polygons of a stored GeoJSON `Polygon` or `MultiPolygon` (bare or in a Feature); empty
    /// when the text is not one. For boundaries that passed validation on the way in.
    public static func polygons(geoJSON text: String) -> [GeoPolygon] {
        rawGeometry(geoJSON: text)?.parts.compactMap(polygon(rawRings:)) ?? []
    }

    /// A Polygon's or MultiPolygon's coordinates as parsed JSON, without any checking.
    private static func rawGeometry(geoJSON text: String) -> (isMulti: Bool, parts: [[[[Double]]]])? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        let geometry = (object["type"] as? String) == "Feature" ? object["geometry"] as? [String: Any] : object
        switch geometry?["type"] as? String {
        case "Polygon": return (geometry?["coordinates"] as? [[[Double]]]).map { (false, [$0]) }
        case "MultiPolygon": return (geometry?["coordinates"] as? [[[[Double]]]]).map { (true, $0) }
        default: return nil
        }
    }

    /// A polygon from `[longitude, latitude]` rings, exterior first; nil when a ring has fewer than 4
    /// positions or a position fewer than 2 numbers.
    private static func polygon(rawRings: [[[Double]]]) -> GeoPolygon? {
        var rings: [[Coordinate]] = []
        for raw in rawRings {
            let points = raw.compactMap { $0.count >= 2 ? Coordinate(latitude: $0[1], longitude: $0[0]) : nil }
            guard points.count == raw.count, points.count >= 4 else { return nil }
            rings.append(points)
        }
        guard let exterior = rings.first else { return nil }
        return GeoPolygon(exterior: exterior, holes: Array(rings.dropFirst()))
    }

    /// Fixed-point decimal without trailing zeros; avoids `String(format:)`, which is slow in bulk.
    static func format(_ value: Double, fractionDigits: Int) -> String {
        let digits = max(0, min(9, fractionDigits))
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let magnitude = units.magnitude
        var text = units < 0 ? "-" : ""
        text += String(magnitude / UInt64(scale))
        var fraction = magnitude % UInt64(scale)
        guard fraction > 0 else { return text }
        var width = digits
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let fractionText = String(fraction)
        return text + "." + String(repeating: "0", count: width - fractionText.count) + fractionText
    }
}
