import Foundation

extension GeoPolygon {
    /// The polygons of a stored GeoJSON `Polygon` or `MultiPolygon` (bare or in a Feature); empty
    /// when the text is not one. For boundaries that passed validation on the way in.
    public static func polygons(geoJSON text: String) -> [GeoPolygon] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [] }
        let geometry = (object["type"] as? String) == "Feature" ? object["geometry"] as? [String: Any] : object
        guard let geometry, let type = geometry["type"] as? String else { return [] }
        let parts: [[[[Double]]]]
        switch type {
        case "Polygon": parts = (geometry["coordinates"] as? [[[Double]]]).map { [$0] } ?? []
        case "MultiPolygon": parts = geometry["coordinates"] as? [[[[Double]]]] ?? []
        default: parts = []
        }
        return parts.compactMap { rings in
            let converted = rings.map { ring in
                ring.compactMap { $0.count >= 2 ? Coordinate(latitude: $0[1], longitude: $0[0]) : nil }
            }
            guard let exterior = converted.first, exterior.count >= 4, converted.allSatisfy({ $0.count >= 4 }) else {
                return nil
            }
            return GeoPolygon(exterior: exterior, holes: Array(converted.dropFirst()))
        }
    }
}
