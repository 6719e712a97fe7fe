import Foundation

/// The rings of a boundary exactly as they were sent: not closed, not re-oriented, not checked. Validation
/// must see these, because `GeoPolygon` quietly closes and re-orients rings.
struct RawBoundary: Sendable {
    /// Polygons → rings (exterior first) → positions.
    var polygons: [[[Coordinate]]]
    var isMultiPolygon: Bool
}

/// Reads the structure of a GeoJSON `Polygon` or `MultiPolygon` (bare, or the geometry of a `Feature`) and
/// says precisely what is wrong when it is not one. Geometry is checked later, by `BoundaryValidator`.
enum BoundaryGeoJSON {
    static func read(_ text: String, areaCode: AreaCode?) -> Result<RawBoundary, BoundaryRejection> {
        var subject = BoundaryProblem.Subject(areaCode: areaCode)
        func failure(_ detail: String) -> Result<RawBoundary, BoundaryRejection> {
            .failure(BoundaryRejection([.invalidGeoJSON(subject, detail)]))
        }
        guard let document = GeoJSONValue.parse(text) else { return failure("内容不是合法的 JSON") }
        guard var geometry = document.object else { return failure("应为 GeoJSON 对象，实际是\(document.kindName)") }
        guard let outerType = geometry["type"]?.string else { return failure("缺少 type") }
        if outerType == "Feature" {
            guard let inner = geometry["geometry"]?.object else { return failure("Feature 缺少 geometry") }
            geometry = inner
        }
        let type = geometry["type"]?.string ?? "（无）"
        guard type == "Polygon" || type == "MultiPolygon" else {
            return failure("几何类型为 \(type)，边界须为 Polygon 或 MultiPolygon")
        }
        subject.isMultiPolygon = type == "MultiPolygon"
        guard let coordinates = geometry["coordinates"]?.array else { return failure("缺少 coordinates 数组") }
        let polygonValues = subject.isMultiPolygon ? coordinates : [.array(coordinates)]
        guard !polygonValues.isEmpty else { return failure("MultiPolygon 没有任何多边形") }

        var polygons: [[[Coordinate]]] = []
        for (p, polygonValue) in polygonValues.enumerated() {
            guard let ringValues = polygonValue.array else { return failure("第\(p + 1)个多边形不是环的数组") }
            guard !ringValues.isEmpty else {
                return failure(subject.isMultiPolygon ? "第\(p + 1)个多边形没有任何环" : "Polygon 没有任何环")
            }
            var rings: [[Coordinate]] = []
            for (r, ringValue) in ringValues.enumerated() {
                let ringName = subject.ringName(BoundaryProblem.RingIndex(polygon: p, ring: r))
                guard let positionValues = ringValue.array else { return failure("\(ringName)不是坐标数组") }
                var ring: [Coordinate] = []
                ring.reserveCapacity(positionValues.count)
                for (i, positionValue) in positionValues.enumerated() {
                    // A third number (altitude) is allowed by RFC 7946 and ignored.
                    guard let numbers = positionValue.array, numbers.count >= 2,
                        let longitude = numbers[0].number, let latitude = numbers[1].number
                    else { return failure("\(ringName)第 \(i + 1) 个坐标应为 [经度, 纬度] 两个数字") }
                    ring.append(Coordinate(latitude: latitude, longitude: longitude))
                }
                rings.append(ring)
            }
            polygons.append(rings)
        }
        return .success(RawBoundary(polygons: polygons, isMultiPolygon: subject.isMultiPolygon))
    }
}
