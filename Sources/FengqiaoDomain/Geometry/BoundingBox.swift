import Foundation

/// An axis-aligned box in WGS84 degrees, as stored in `areas.min_lat … max_lon`.
///
/// Containment is half-open (`min ≤ x < max`), like the area lookup, so a point on an edge shared by two
/// boxes that tile a region belongs to exactly one of them.
public struct BoundingBox: Hashable, Sendable, Codable {
    public var minLatitude: Double
    public var minLongitude: Double
    public var maxLatitude: Double
    public var maxLongitude: Double

    public init(minLatitude: Double, minLongitude: Double, maxLatitude: Double, maxLongitude: Double) {
        self.minLatitude = minLatitude
        self.minLongitude = minLongitude
        self.maxLatitude = maxLatitude
        self.maxLongitude = maxLongitude
    }

    /// The smallest box holding every point; nil for no points.
    public init?(covering points: some Sequence<Coordinate>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = BoundingBox(
            minLatitude: first.latitude, minLongitude: first.longitude,
            maxLatitude: first.latitude, maxLongitude: first.longitude)
        while let p = iterator.next() {
            box.minLatitude = min(box.minLatitude, p.latitude)
            box.minLongitude = min(box.minLongitude, p.longitude)
            box.maxLatitude = max(box.maxLatitude, p.latitude)
            box.maxLongitude = max(box.maxLongitude, p.longitude)
        }
        self = box
    }

    /// East–west extent in degrees of longitude.
    public var width: Double { maxLongitude - minLongitude }

    /// North–south extent in degrees of latitude.
    public var height: Double { maxLatitude - minLatitude }

    /// Planar area in square degrees (enough to compare areas that lie close together).
    public var area: Double { max(0, width) * max(0, height) }

    public var center: Coordinate {
        Coordinate(latitude: (minLatitude + maxLatitude) / 2, longitude: (minLongitude + maxLongitude) / 2)
    }

    /// Whether `point` lies inside, counting the west and south edges but not the east and north ones.
    public func contains(_ point: Coordinate) -> Bool {
        point.latitude >= minLatitude && point.latitude < maxLatitude
            && point.longitude >= minLongitude && point.longitude < maxLongitude
    }

    /// Whether `other` lies entirely inside this box (edges may touch).
    public func contains(_ other: BoundingBox) -> Bool {
        other.minLatitude >= minLatitude && other.maxLatitude <= maxLatitude
            && other.minLongitude >= minLongitude && other.maxLongitude <= maxLongitude
    }

    /// The overlap of two boxes, or nil when they share no interior (touching edges do not count).
    public func intersection(_ other: BoundingBox) -> BoundingBox? {
        let box = BoundingBox(
            minLatitude: max(minLatitude, other.minLatitude), minLongitude: max(minLongitude, other.minLongitude),
            maxLatitude: min(maxLatitude, other.maxLatitude), maxLongitude: min(maxLongitude, other.maxLongitude))
        return box.width > 0 && box.height > 0 ? box : nil
    }

    /// The box as a closed, counter-clockwise polygon.
    public var polygon: GeoPolygon {
        GeoPolygon(exterior: [
            Coordinate(latitude: minLatitude, longitude: minLongitude),
            Coordinate(latitude: minLatitude, longitude: maxLongitude),
            Coordinate(latitude: maxLatitude, longitude: maxLongitude),
            Coordinate(latitude: maxLatitude, longitude: minLongitude),
        ])
    }
}
