import Foundation

/// The problems the checks raise, each with its Chinese message. Messages name the area, the ring, roughly where
/// the problem is, and the area in m² when there is one, so a map editor knows what to fix without the GIS file.
extension BoundaryProblem {
    /// Describes a boundary being checked: its area code and whether it has several polygons.
    struct Subject {
        var areaCode: AreaCode?
        var isMultiPolygon = false

        /// "网格 150207001001001 的", or "边界的" when there is no code.
        var owner: String { areaCode.map { BoundaryProblem.name(of: $0) + " 的" } ?? "边界的" }

        /// "外环", "第2个内环", "第3个多边形的外环".
        func ringName(_ index: RingIndex) -> String {
            let ring = index.ring == 0 ? "外环" : "第\(index.ring)个内环"
            return isMultiPolygon ? "第\(index.polygon + 1)个多边形的\(ring)" : ring
        }
    }

    static func invalidGeoJSON(_ subject: Subject, _ detail: String) -> BoundaryProblem {
        let boundary = subject.areaCode.map { name(of: $0) + " 的边界" } ?? "边界"
        return BoundaryProblem(
            code: .invalidGeoJSON, areaCode: subject.areaCode, message: "\(boundary)不是有效的 GeoJSON：\(detail)")
    }

    static func ringTooShort(_ subject: Subject, _ ring: RingIndex, count: Int) -> BoundaryProblem {
        BoundaryProblem(
            code: .ringTooShort, areaCode: subject.areaCode, ring: ring,
            message: "\(subject.owner)\(subject.ringName(ring))只有 \(count) 个坐标点，闭合的环至少要 4 个（首尾两点相同）")
    }

    static func ringNotClosed(_ subject: Subject, _ ring: RingIndex, first: Coordinate, last: Coordinate)
        -> BoundaryProblem
    {
        BoundaryProblem(
            code: .ringNotClosed, areaCode: subject.areaCode, ring: ring, location: last,
            message: "\(subject.owner)\(subject.ringName(ring))没有闭合：首点 \(text(first)) 与末点 \(text(last)) 不同")
    }

    /// `position` is 0-based; the message counts from 1.
    static func coordinateOutOfRange(_ subject: Subject, _ ring: RingIndex, position: Int, _ point: Coordinate)
        -> BoundaryProblem
    {
        let place = "\(subject.owner)\(subject.ringName(ring))第 \(position + 1) 个坐标"
        let message =
            point.longitude.isFinite && point.latitude.isFinite
            ? "\(place) \(text(point)) 超出范围：经度应在 -180 到 180 之间，纬度应在 -90 到 90 之间（顺序为[经度, 纬度]）"
            : "\(place)不是有效的数字"
        let location = point.longitude.isFinite && point.latitude.isFinite ? point : nil
        return BoundaryProblem(
            code: .coordinateOutOfRange, areaCode: subject.areaCode, ring: ring, location: location, message: message)
    }

    /// A ring, or with `wholePolygon` a polygon once its holes are taken away, enclosing (almost) no area.
    static func zeroArea(_ subject: Subject, _ ring: RingIndex, wholePolygon: Bool, minimum: Double) -> BoundaryProblem
    {
        let what =
            wholePolygon
            ? (subject.isMultiPolygon ? "第\(ring.polygon + 1)个多边形" : "多边形") + "扣除内环后"
            : subject.ringName(ring)
        return BoundaryProblem(
            code: .zeroArea, areaCode: subject.areaCode, ring: ring,
            message: "\(subject.owner)\(what)面积不足 \(GeoPolygon.format(minimum, fractionDigits: 2)) 平方米，不能构成区域")
    }

    static func selfIntersection(_ subject: Subject, _ ring: RingIndex, at point: Coordinate) -> BoundaryProblem {
        BoundaryProblem(
            code: .selfIntersection, areaCode: subject.areaCode, ring: ring, location: point,
            message: "\(subject.owner)\(subject.ringName(ring))在 \(text(point)) 附近自相交（边相交、相接或重复经过同一点）")
    }

    static func holeOutside(_ subject: Subject, _ ring: RingIndex, _ measure: BoundaryOverlay.Measure)
        -> BoundaryProblem
    {
        BoundaryProblem(
            code: .holeOutside, areaCode: subject.areaCode, ring: ring, squareMetres: measure.squareMetres,
            location: measure.location,
            message: "\(subject.owner)\(subject.ringName(ring))有\(area(measure.squareMetres))在外环之外\(near(measure))")
    }

    static func holesOverlap(_ subject: Subject, _ ring: RingIndex, other: Int, _ measure: BoundaryOverlay.Measure)
        -> BoundaryProblem
    {
        let otherName = subject.ringName(RingIndex(polygon: ring.polygon, ring: other))
        return BoundaryProblem(
            code: .holesOverlap, areaCode: subject.areaCode, ring: ring, squareMetres: measure.squareMetres,
            location: measure.location,
            message:
                "\(subject.owner)\(subject.ringName(ring))与\(otherName)重叠\(area(measure.squareMetres))\(near(measure))"
        )
    }

    static func partsOverlap(_ subject: Subject, _ first: Int, _ second: Int, _ measure: BoundaryOverlay.Measure)
        -> BoundaryProblem
    {
        BoundaryProblem(
            code: .partsOverlap, areaCode: subject.areaCode, ring: RingIndex(polygon: first, ring: 0),
            squareMetres: measure.squareMetres, location: measure.location,
            message:
                "\(subject.owner)第\(first + 1)个多边形与第\(second + 1)个多边形重叠\(area(measure.squareMetres))\(near(measure))")
    }

    static func outsideParent(_ child: AreaCode, parent: AreaCode, _ measure: BoundaryOverlay.Measure)
        -> BoundaryProblem
    {
        BoundaryProblem(
            code: .outsideParent, areaCode: child, otherAreaCode: parent, squareMetres: measure.squareMetres,
            location: measure.location,
            message: "\(name(of: child)) 超出上级\(name(of: parent)) \(area(measure.squareMetres))\(near(measure))")
    }

    static func overlapsSibling(_ code: AreaCode, _ sibling: AreaCode, _ measure: BoundaryOverlay.Measure)
        -> BoundaryProblem
    {
        BoundaryProblem(
            code: .overlapsSibling, areaCode: code, otherAreaCode: sibling, squareMetres: measure.squareMetres,
            location: measure.location,
            message: "\(name(of: code)) 与\(name(of: sibling)) 重叠\(area(measure.squareMetres))\(near(measure))")
    }

    static func gapInParent(_ parent: AreaCode, _ measure: BoundaryOverlay.Measure) -> BoundaryProblem {
        BoundaryProblem(
            code: .gapInParent, areaCode: parent, squareMetres: measure.squareMetres, location: measure.location,
            message: "\(name(of: parent)) 内有\(area(measure.squareMetres))未划入任何\(childNoun(of: parent))\(near(measure))")
    }

    /// "网格 150207001001001".
    static func name(of code: AreaCode) -> String { "\(noun(for: code.level)) \(code.rawValue)" }

    /// What the children of `parent` are called: a village is divided into 网格, a grid into 微网格.
    private static func childNoun(of parent: AreaCode) -> String {
        switch parent.level {
        case .city: noun(for: .county)
        case .county: noun(for: .township)
        case .township: noun(for: .village)
        case .village: noun(for: .grid)
        case .grid, .microGrid: noun(for: .microGrid)
        }
    }

    private static func noun(for level: AreaLevel) -> String {
        switch level {
        case .city: "市"
        case .county: "区县"
        case .township: "乡镇（街道）"
        case .village: "村（社区）"
        case .grid: "网格"
        case .microGrid: "微网格"
        }
    }

    /// "约 1234 平方米": one decimal below 10 m², whole square metres above, with km² added from 1 km².
    static func area(_ squareMetres: Double) -> String {
        guard squareMetres.isFinite, squareMetres < 1e15 else { return "（面积无法计算）" }
        if squareMetres < 10 { return "约 \(GeoPolygon.format(squareMetres, fractionDigits: 1)) 平方米" }
        let whole = "约 \(Int(squareMetres.rounded())) 平方米"
        guard squareMetres >= 1_000_000 else { return whole }
        return whole + "（\(GeoPolygon.format(squareMetres / 1_000_000, fractionDigits: 2)) 平方公里）"
    }

    /// "(109.812345, 40.612345)", longitude first as in GeoJSON.
    static func text(_ point: Coordinate) -> String {
        let longitude = GeoPolygon.format(point.longitude, fractionDigits: 6)
        let latitude = GeoPolygon.format(point.latitude, fractionDigits: 6)
        return "(\(longitude), \(latitude))"
    }

    /// "，位于 (109.8, 40.6) 附近", or nothing without a location.
    private static func near(_ measure: BoundaryOverlay.Measure) -> String {
        measure.location.map { "，位于 \(text($0)) 附近" } ?? ""
    }
}
