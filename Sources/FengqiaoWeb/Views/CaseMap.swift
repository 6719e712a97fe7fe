import FengqiaoDomain
import Foundation

/// The case's grid as an SVG with the case's point on it (the area pages' projection), or nil when
/// there is nothing to draw.
enum CaseMap {
    static func svg(grid polygons: [GeoPolygon], gridName: String, point: Coordinate?, width: Double = 480) -> String? {
        let corners = polygons.flatMap(\.exterior) + (point.map { [$0] } ?? [])
        guard !corners.isEmpty, let projection = AreaMapProjection(covering: corners, width: width) else { return nil }
        let data = AreaMapProjection.pathData(polygons.compactMap(projection.project))
        let label = AreaMap.escaped(gridName + (point == nil ? "" : ",红点为案件位置"))
        let w = AreaMap.decimal(projection.width), h = AreaMap.decimal(projection.height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"area-map case-map\" viewBox=\"0 0 \(w) \(h)\""
            + " width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"\(label)\">"
        if !data.isEmpty {
            svg += "<path d=\"\(data)\" fill-rule=\"evenodd\" fill=\"#e8eef6\" stroke=\"#1d4f91\" stroke-width=\"1.5\"/>"
        }
        if let point, let at = projection.project(point) {
            svg += "<circle cx=\"\(AreaMap.decimal(at.x))\" cy=\"\(AreaMap.decimal(at.y))\" r=\"7\" fill=\"#c62828\""
                + " stroke=\"#fff\" stroke-width=\"2\"><title>案件位置</title></circle>"
        }
        return svg + "</svg>"
    }
}
