import Foundation

/// Areas in square metres on the sphere of radius 6,378,137 m (the WGS84 equatorial radius), the model
/// Turf and OpenLayers use, so the figures agree with what a web map shows.
///
/// Edges are straight lines in longitude/latitude, as RFC 7946 defines them. The area comes from Green's
/// theorem: on the sphere a region's area is `−R² ∮ sin φ dλ` around its counter-clockwise boundary, and along a
/// straight edge that integral has a closed form, so each edge contributes independently. That is what
/// lets the overlay code add up pieces of edges without ever building the overlap polygon.
///
/// Against the WGS84 ellipsoid the sphere is about 0.5 % high at 18° N, 0.1 % at 40° N and 0.2 % low at 54° N.
public enum GeodesicArea {
    /// The sphere's radius in metres.
    public static let earthRadius: Double = 6_378_137

    /// The area enclosed by a closed ring; positive when the ring runs counter-clockwise.
    public static func signedSquareMetres(ofRing ring: [Coordinate]) -> Double {
        guard let reference = ring.first?.latitude else { return 0 }
        let referenceSine = sin(reference * radiansPerDegree)
        var sum = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) {
            sum += edgeIntegral(
                fromLongitude: a.longitude, latitude: a.latitude, toLongitude: b.longitude, latitude: b.latitude,
                referenceSine: referenceSine)
        }
        return sum
    }

    /// The area of a polygon: its exterior minus its holes.
    public static func squareMetres(of polygon: GeoPolygon) -> Double {
        abs(signedSquareMetres(ofRing: polygon.exterior))
            - polygon.holes.reduce(0) { $0 + abs(signedSquareMetres(ofRing: $1)) }
    }

    /// The area of a multipolygon whose parts do not overlap.
    public static func squareMetres(of polygons: [GeoPolygon]) -> Double {
        polygons.reduce(0) { $0 + squareMetres(of: $1) }
    }

    static let radiansPerDegree = Double.pi / 180

    /// `−R² ∫ (sin φ − sin φ₀) dλ` along the straight edge from `a` to `b` (degrees in, m² out).
    ///
    /// Subtracting `sin φ₀` (any fixed latitude near the shape) changes nothing around a closed boundary but
    /// keeps the terms small, so summing thousands of edges loses no precision. Along the edge φ is linear in λ,
    /// so `∫ sin φ dλ = Δλ · sin φₘ · sin h / h` with φₘ the mid-latitude and `h` half the latitude change.
    static func edgeIntegral(
        fromLongitude lon1: Double, latitude lat1: Double, toLongitude lon2: Double, latitude lat2: Double,
        referenceSine: Double
    ) -> Double {
        let deltaLongitude = (lon2 - lon1) * radiansPerDegree
        let middle = (lat1 + lat2) / 2 * radiansPerDegree
        let half = (lat2 - lat1) / 2 * radiansPerDegree
        // sin h / h without dividing by (nearly) zero; the series is exact to 1e-18 below 1e-4.
        let sinc = abs(half) < 1e-4 ? 1 - half * half / 6 : sin(half) / half
        return -earthRadius * earthRadius * deltaLongitude * (sin(middle) * sinc - referenceSine)
    }

    /// The length in metres of a short straight edge (a local flat approximation, for telling slivers apart).
    static func edgeLength(
        fromLongitude lon1: Double, latitude lat1: Double, toLongitude lon2: Double, latitude lat2: Double
    )
        -> Double
    {
        let east = (lon2 - lon1) * radiansPerDegree * cos((lat1 + lat2) / 2 * radiansPerDegree)
        let north = (lat2 - lat1) * radiansPerDegree
        return earthRadius * (east * east + north * north).squareRoot()
    }
}

extension GeoPolygon {
    /// The area in square metres (exterior minus holes); see ``GeodesicArea``.
    public var squareMetres: Double { GeodesicArea.squareMetres(of: self) }
}
