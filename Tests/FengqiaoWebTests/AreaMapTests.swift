import FengqiaoDomain
import Foundation
import XCTest

@testable import FengqiaoWeb

final class AreaMapTests: XCTestCase {
    // MARK: Geometry

    func testATwoByTwoGridDrawsFourLinkedPathsNorthUp() throws {
        let svg = AreaMap(shapes: grid()).svg()
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
        XCTAssertTrue(svg.contains("role=\"img\""))
        XCTAssertEqual(occurrences(of: "<a ", in: svg), 4)
        XCTAssertEqual(occurrences(of: "<path ", in: svg), 4)
        XCTAssertEqual(occurrences(of: "<title>", in: svg), 4)
        for code in ["nw", "ne", "sw", "se"] {
            XCTAssertTrue(svg.contains("<a href=\"/areas/\(code)\""), code)
        }
        let paths = pathsByLink(svg)
        let north = try XCTUnwrap(paths["/areas/nw"]).map(\.y)
        let south = try XCTUnwrap(paths["/areas/sw"]).map(\.y)
        XCTAssertLessThan(try XCTUnwrap(north.max()), try XCTUnwrap(south.min()) + 0.11, "north is up")
        let west = try XCTUnwrap(paths["/areas/nw"]).map(\.x)
        let east = try XCTUnwrap(paths["/areas/ne"]).map(\.x)
        XCTAssertLessThan(try XCTUnwrap(west.max()), try XCTUnwrap(east.min()) + 0.11, "west is left")
    }

    func testASquareAtFortyDegreesNorthIsDrawnNarrowerThanTall() throws {
        let shape = AreaMap.Shape(
            code: "a", name: "甲", polygons: [square(latitude: 40, longitude: 110, size: 0.01)], value: 1, link: "/a")
        let svg = AreaMap(shapes: [shape]).svg()
        let points = try XCTUnwrap(pathsByLink(svg)["/a"])
        let width = try XCTUnwrap(points.map(\.x).max()) - XCTUnwrap(points.map(\.x).min())
        let height = try XCTUnwrap(points.map(\.y).max()) - XCTUnwrap(points.map(\.y).min())
        XCTAssertEqual(width / height, cos(40.005 * Double.pi / 180), accuracy: 0.005)
        XCTAssertEqual(width / height, 0.766, accuracy: 0.01)
        let (viewWidth, viewHeight) = try viewBox(svg)
        XCTAssertEqual(viewWidth, 720)
        XCTAssertGreaterThan(viewHeight, viewWidth, "height follows the aspect ratio")
        XCTAssertLessThanOrEqual(viewHeight, viewWidth * 1.4)
    }

    func testAPolygonWithAHoleIsOnePathWithTwoSubpathsAndEvenOdd() throws {
        let outer = square(latitude: 40, longitude: 110, size: 0.03).exterior
        let hole = square(latitude: 40.01, longitude: 110.01, size: 0.01).exterior
        let shape = AreaMap.Shape(
            code: "r", name: "环村", polygons: [GeoPolygon(exterior: outer, holes: [hole])], value: 2, link: "/r")
        let svg = AreaMap(shapes: [shape]).svg()
        let data = try XCTUnwrap(pathData(svg).first)
        XCTAssertEqual(occurrences(of: "M", in: data), 2)
        XCTAssertEqual(occurrences(of: "Z", in: data), 2)
        XCTAssertTrue(svg.contains("fill-rule=\"evenodd\""))
        // The centroid lies in the hole, so the label moves to a solid part of the ring.
        let label = try XCTUnwrap(textPositions(svg).first)
        let holeXs = try XCTUnwrap(pathsByLink(svg)["/r"]).sorted { $0.x < $1.x }.map(\.x)
        let (minX, maxX) = (try XCTUnwrap(holeXs.first), try XCTUnwrap(holeXs.last))
        let holeFrom = minX + (maxX - minX) / 3
        let holeTo = minX + 2 * (maxX - minX) / 3
        XCTAssertFalse((holeFrom...holeTo).contains(label.x), "label at \(label.x) is not in the hole")
    }

    func testAMultipolygonIsOnePath() throws {
        let parts = [
            square(latitude: 40, longitude: 110, size: 0.01), square(latitude: 40, longitude: 110.03, size: 0.01),
        ]
        let shape = AreaMap.Shape(code: "m", name: "两片", polygons: parts, value: 1, link: "/m")
        let svg = AreaMap(shapes: [shape]).svg()
        XCTAssertEqual(occurrences(of: "<path ", in: svg), 1)
        XCTAssertEqual(occurrences(of: "M", in: try XCTUnwrap(pathData(svg).first)), 2)
    }

    func testTheLabelOfAUShapeIsInsideIt() throws {
        // A U open to the north: the exterior's centroid falls in the bay.
        let u = GeoPolygon(exterior: [
            .init(latitude: 40, longitude: 110), .init(latitude: 40, longitude: 110.03),
            .init(latitude: 40.03, longitude: 110.03), .init(latitude: 40.03, longitude: 110.02),
            .init(latitude: 40.005, longitude: 110.02), .init(latitude: 40.005, longitude: 110.01),
            .init(latitude: 40.03, longitude: 110.01), .init(latitude: 40.03, longitude: 110),
        ])
        let projection = try XCTUnwrap(AreaMapProjection(covering: u.exterior, width: 720))
        let polygon = try XCTUnwrap(projection.project(u))
        let anchor = try XCTUnwrap(polygon.labelAnchor())
        XCTAssertTrue(polygon.spans(atY: anchor.point.y).contains { $0.contains(anchor.point.x) })
        XCTAssertGreaterThan(anchor.width, 0)
    }

    func testPointsThatRoundToTheSamePixelAreSkipped() throws {
        var ring = square(latitude: 40, longitude: 110, size: 0.01).exterior
        ring.insert(Coordinate(latitude: 40, longitude: 110.000_000_1), at: 1)
        let shape = AreaMap.Shape(code: "d", name: "丁", polygons: [GeoPolygon(exterior: ring)], value: 1, link: "/d")
        let data = try XCTUnwrap(pathData(AreaMap(shapes: [shape]).svg()).first)
        XCTAssertEqual(occurrences(of: "L", in: data), 3, data)
        XCTAssertFalse(data.contains(where: { $0 == "e" || $0 == "," }), "plain decimals: \(data)")
    }

    // MARK: Colour

    func testHigherValuesAreDarkerAndZeroIsNeutral() {
        let values: [Double] = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55]
        let scale = AreaMapColorScale(values: values)
        XCTAssertEqual(scale.color(for: 0), AreaMapColorScale.zeroColor)
        XCTAssertEqual(scale.color(for: 55), "#b3261e")
        let classes = values.dropFirst().compactMap { scale.classIndex(for: $0) }
        XCTAssertEqual(classes, classes.sorted(), "classes never get lighter as values grow")
        XCTAssertEqual(classes.first, 0)
        XCTAssertEqual(classes.last, 4)

        let svg = AreaMap(shapes: grid(values: [0, 1, 10, 100])).svg()
        XCTAssertTrue(svg.contains("fill=\"\(AreaMapColorScale.zeroColor)\""))
        XCTAssertTrue(svg.contains("fill=\"#b3261e\""))
    }

    func testFewDistinctValuesUseEqualIntervals() {
        let scale = AreaMapColorScale(values: [2, 2, 10])
        XCTAssertEqual(scale.upperBounds.count, 5)
        XCTAssertEqual(scale.classIndex(for: 2), 0)
        XCTAssertEqual(scale.classIndex(for: 10), 4)
        XCTAssertEqual(AreaMapColorScale(values: [3, 3]).upperBounds, [3], "one value, one class")
    }

    func testTheLegendListsZeroThenClassesWithAtMostOneDecimal() {
        let legend = AreaMap(shapes: grid(values: [0, 1.234, 7.77, 20])).legend()
        XCTAssertEqual(legend.first?.label, "0")
        XCTAssertEqual(legend.first?.color, AreaMapColorScale.zeroColor)
        XCTAssertEqual(legend.count, 6)
        XCTAssertEqual(legend.last?.color, "#b3261e")
        XCTAssertEqual(legend.dropFirst().first?.label, "1.2–5")
        for entry in legend {
            for number in entry.label.split(separator: "–") {
                XCTAssertLessThanOrEqual(number.split(separator: ".").dropFirst().first?.count ?? 0, 1, entry.label)
            }
        }
    }

    func testNaNAndInfiniteValuesDoNotCrashAndAreNeutral() {
        let shapes = grid(values: [.nan, .infinity, -3, 4])
        let map = AreaMap(shapes: shapes)
        let svg = map.svg()
        XCTAssertEqual(occurrences(of: "fill=\"\(AreaMapColorScale.zeroColor)\"", in: svg), 3)
        XCTAssertEqual(map.legend().count, 2)
    }

    // MARK: Text and safety

    func testTextIsEscapedAndChineseIsKept() {
        let shape = AreaMap.Shape(
            code: "x\"y", name: "<b>&\"'村", polygons: [square(latitude: 40, longitude: 110, size: 0.05)], value: 1,
            label: "12件", link: "/areas/1?a=1&b=2")
        let svg = AreaMap(shapes: [shape], caption: "东河区 <地图>").svg()
        XCTAssertTrue(svg.contains("&lt;b&gt;&amp;&quot;&apos;村"))
        XCTAssertFalse(svg.contains("<b>"))
        XCTAssertTrue(svg.contains("href=\"/areas/1?a=1&amp;b=2\""))
        XCTAssertTrue(svg.contains("data-code=\"x&quot;y\""))
        XCTAssertTrue(svg.contains("aria-label=\"东河区 &lt;地图&gt;\""))
        XCTAssertTrue(svg.contains("12件"))
        XCTAssertTrue(svg.contains("<title>&lt;b&gt;&amp;&quot;&apos;村：12件</title>"))
        XCTAssertEqual(AreaMap.escaped("a\u{0}b\u{1F}c\n"), "abc\n")
    }

    func testLabelsAppearOnLargeShapesOnly() {
        let big = AreaMap.Shape(
            code: "b", name: "大村", polygons: [square(latitude: 40, longitude: 110, size: 0.1)], value: 1,
            label: "3件", link: "/b")
        let tiny = AreaMap.Shape(
            code: "t", name: "小村", polygons: [square(latitude: 40, longitude: 110.2, size: 0.001)], value: 1,
            link: "/t")
        let svg = AreaMap(shapes: [big, tiny]).svg()
        XCTAssertEqual(occurrences(of: "<text ", in: svg), 1)
        XCTAssertTrue(svg.contains(">大村<tspan"))
        XCTAssertTrue(svg.contains(">3件</tspan>"))
        XCTAssertFalse(svg.contains("\">小村"), "the tiny shape only has its title")
        XCTAssertTrue(svg.contains("font-size=\""))
    }

    func testOutputHasNoStyleAttributesAndNoScript() {
        let outline = [square(latitude: 39.99, longitude: 109.99, size: 0.04)]
        for svg in [AreaMap(shapes: grid(), outline: outline).svg(), AreaMap(shapes: []).svg()] {
            XCTAssertFalse(svg.contains("style="), svg)
            XCTAssertFalse(svg.lowercased().contains("<script"), svg)
            XCTAssertFalse(svg.contains(" on"), "no event handler attributes")
        }
        let withOutline = AreaMap(shapes: grid(), outline: outline).svg()
        XCTAssertEqual(occurrences(of: "<path ", in: withOutline), 5)
        XCTAssertLessThan(
            try XCTUnwrap(withOutline.range(of: "stroke=\"#8a96a3\"")?.lowerBound),
            try XCTUnwrap(withOutline.range(of: "<a ")?.lowerBound), "the outline is drawn under the shapes")
    }

    // MARK: Degenerate input

    func testEmptyInputGivesANote() {
        for map in [
            AreaMap(shapes: []),
            AreaMap(shapes: [AreaMap.Shape(code: "n", name: "无边界", polygons: [], value: 1, link: "/n")]),
            AreaMap(shapes: [
                AreaMap.Shape(
                    code: "nan", name: "坏数据",
                    polygons: [
                        GeoPolygon(exterior: [.init(latitude: .nan, longitude: 1), .init(latitude: 2, longitude: .nan)])
                    ],
                    value: 1, link: "/nan")
            ]),
        ] {
            let svg = map.svg()
            XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg)
            XCTAssertTrue(svg.contains(">暂无边界数据</text>"), svg)
            XCTAssertFalse(svg.contains("<a "))
        }
    }

    func testShapesWithoutPolygonsAreSkipped() {
        var shapes = grid()
        shapes.append(AreaMap.Shape(code: "none", name: "无", polygons: [], value: 9, link: "/areas/none"))
        let svg = AreaMap(shapes: shapes).svg()
        XCTAssertEqual(occurrences(of: "<a ", in: svg), 4)
        XCTAssertFalse(svg.contains("/areas/none"))
    }

    // MARK: Helpers

    private func square(latitude: Double, longitude: Double, size: Double) -> GeoPolygon {
        GeoPolygon(exterior: [
            Coordinate(latitude: latitude, longitude: longitude),
            Coordinate(latitude: latitude, longitude: longitude + size),
            Coordinate(latitude: latitude + size, longitude: longitude + size),
            Coordinate(latitude: latitude + size, longitude: longitude),
        ])
    }

    /// Four 0.01° squares at 40° N: nw, ne, sw, se.
    private func grid(values: [Double] = [1, 2, 3, 4]) -> [AreaMap.Shape] {
        let cells = [("nw", 40.01, 110.0), ("ne", 40.01, 110.01), ("sw", 40.0, 110.0), ("se", 40.0, 110.01)]
        return zip(cells, values).map { cell, value in
            AreaMap.Shape(
                code: cell.0, name: cell.0, polygons: [square(latitude: cell.1, longitude: cell.2, size: 0.01)],
                value: value, label: "\(Int(value.isFinite ? value : 0))件", link: "/areas/\(cell.0)")
        }
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The value of every `name="…"` attribute, in order.
    private func attributes(_ name: String, in svg: String) -> [String] {
        svg.components(separatedBy: " \(name)=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
    }

    private func pathData(_ svg: String) -> [String] {
        attributes("d", in: svg)
    }

    /// The points of each shape's path, keyed by its link.
    private func pathsByLink(_ svg: String) -> [String: [AreaMapProjection.Point]] {
        var result: [String: [AreaMapProjection.Point]] = [:]
        for anchor in svg.components(separatedBy: "<a ").dropFirst() {
            guard let link = attributes("href", in: " " + anchor).first, let data = attributes("d", in: anchor).first
            else { continue }
            let numbers = data.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
            result[link] = stride(from: 0, to: numbers.count - 1, by: 2).map {
                AreaMapProjection.Point(x: numbers[$0], y: numbers[$0 + 1])
            }
        }
        return result
    }

    private func textPositions(_ svg: String) -> [AreaMapProjection.Point] {
        svg.components(separatedBy: "<text ").dropFirst().compactMap { text in
            guard let x = attributes("x", in: " " + text).first.flatMap(Double.init),
                let y = attributes("y", in: " " + text).first.flatMap(Double.init)
            else { return nil }
            return AreaMapProjection.Point(x: x, y: y)
        }
    }

    private func viewBox(_ svg: String) throws -> (Double, Double) {
        let parts = try XCTUnwrap(attributes("viewBox", in: svg).first).split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(parts.count, 4)
        return (parts.count == 4 ? parts[2] : 0, parts.count == 4 ? parts[3] : 0)
    }
}
