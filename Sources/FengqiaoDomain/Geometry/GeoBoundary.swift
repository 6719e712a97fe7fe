import Foundation

/// A validated area boundary: one or more polygons (a GeoJSON `Polygon` or `MultiPolygon` in WGS84) and its
/// area in square metres.
///
/// Boundaries come in from imports and map edits as GeoJSON. `read(geoJSON:)` never quietly repairs them:
/// it looks at the rings as they were sent, and any ring that is too short, not closed, out of range,
/// without area or crossing itself, any hole outside its polygon or overlapping another hole, and any
/// overlap between the parts of a MultiPolygon is reported as a ``BoundaryProblem``. How a boundary relates
/// to its parent and siblings is checked by ``BoundaryCheck``.
public struct GeoBoundary: Hashable, Sendable {
    /// The polygons, rings closed and oriented as RFC 7946 asks (see `GeoPolygon`).
    public let polygons: [GeoPolygon]
    /// The area in square metres (see ``GeodesicArea``).
    public let squareMetres: Double

    /// Wraps polygons **without checking them** — for boundaries that passed `read` when they were stored.
    public init(polygons: [GeoPolygon]) {
        self.polygons = polygons
        self.squareMetres = GeodesicArea.squareMetres(of: polygons)
    }

    /// Reads and checks a GeoJSON `Polygon` or `MultiPolygon`, bare or as a `Feature`'s geometry.
    /// `areaCode` goes into the problems and their messages.
    public static func read(geoJSON text: String, areaCode: AreaCode? = nil, tolerance: BoundaryTolerance = .standard)
        -> Result<GeoBoundary, BoundaryRejection>
    {
        BoundaryGeoJSON.read(text, areaCode: areaCode).flatMap {
            BoundaryValidator.validate($0, areaCode: areaCode, tolerance: tolerance)
        }
    }

    /// Checks polygons given as raw rings (polygons → rings, exterior first → positions, each ring closed by
    /// repeating its first position), as `read` does after parsing. `isMultiPolygon` only changes the wording.
    public static func validate(
        rings polygons: [[[Coordinate]]], isMultiPolygon: Bool = false, areaCode: AreaCode? = nil,
        tolerance: BoundaryTolerance = .standard
    ) -> Result<GeoBoundary, BoundaryRejection> {
        let raw = RawBoundary(polygons: polygons, isMultiPolygon: isMultiPolygon || polygons.count > 1)
        return BoundaryValidator.validate(raw, areaCode: areaCode, tolerance: tolerance)
    }

    /// The box around all polygons; nil when there are none.
    public var boundingBox: BoundingBox? { BoundingBox(covering: polygons.flatMap(\.exterior)) }

    /// The GeoJSON geometry: a `Polygon` for one polygon, else a `MultiPolygon`, with coordinates rounded to
    /// `fractionDigits` decimals (6 ≈ 0.1 m).
    public func geoJSON(fractionDigits: Int = 6) -> String {
        func ringsText(_ polygon: GeoPolygon) -> String {
            let rings = polygon.rings.map { ring in
                let positions = ring.map {
                    "[" + GeoPolygon.format($0.longitude, fractionDigits: fractionDigits) + ","
                        + GeoPolygon.format($0.latitude, fractionDigits: fractionDigits) + "]"
                }
                return "[" + positions.joined(separator: ",") + "]"
            }
            return "[" + rings.joined(separator: ",") + "]"
        }
        if polygons.count == 1, let polygon = polygons.first {
            return #"{"type":"Polygon","coordinates":"# + ringsText(polygon) + "}"
        }
        return #"{"type":"MultiPolygon","coordinates":["# + polygons.map(ringsText).joined(separator: ",") + "]}"
    }
}
