import FengqiaoDomain
import Foundation
import XCTest

/// A parent and its children: tiles that share borders exactly pass; a child sticking out, two overlapping
/// siblings and a missing tile are each reported with about the right area in m².
final class BoundaryCheckTests: XCTestCase {
    typealias F = BoundaryFixtures
    let village = F.code("150207001001")
    let check = BoundaryCheck()

    private func grid(_ n: Int) -> AreaCode { F.code("150207001001" + String(format: "%03d", n)) }

    private func area(_ code: AreaCode, _ rings: [Coordinate]..., tiles: Bool = true) throws -> BoundaryCheck.Area {
        BoundaryCheck.Area(code: code, boundary: try F.valid(GeoBoundary.validate(rings: [rings])), tilesParent: tiles)
    }

    /// The village: 0.03° × 0.02° at 109.8° E, 40.6° N (≈ 2.5 km × 2.2 km), only its four corners as vertices.
    private func villageArea() throws -> BoundaryCheck.Area { try area(village, F.rect(109.8, 40.6, 109.83, 40.62)) }

    /// 2 rows × 3 columns of 0.01° cells; `skip` leaves one out, `widen` moves one cell's east edge.
    private func tiles(skip: Int? = nil, widenFirstBy widen: Double = 0) throws -> [BoundaryCheck.Area] {
        var result: [BoundaryCheck.Area] = []
        for row in 0..<2 {
            for column in 0..<3 where row * 3 + column != skip {
                let west = 109.8 + Double(column) * 0.01
                let south = 40.6 + Double(row) * 0.01
                let east = west + 0.01 + (row * 3 + column == 0 ? widen : 0)
                result.append(try area(grid(row * 3 + column + 1), F.rect(west, south, east, south + 0.01)))
            }
        }
        return result
    }

    func testTilesSharingEdgesExactlyPass() throws {
        let children = try tiles()
        XCTAssertEqual(check.problems(parent: try villageArea(), children: children), [])
        let parent = try villageArea().boundary
        XCTAssertEqual(parent.squareMetres(notCoveredBy: children.map(\.boundary)), 0, accuracy: 1e-3)
        XCTAssertEqual(children[0].boundary.squareMetres(sharedWith: children[1].boundary), 0, accuracy: 1e-3)
        XCTAssertEqual(children[0].boundary.squareMetres(outside: parent), 0, accuracy: 1e-3)
        // Even with no tolerance at all there is nothing to report: shared borders are exact.
        let strict = BoundaryCheck(tolerance: BoundaryTolerance(minimumSquareMetres: 1e-6, sliverWidthMetres: 0))
        XCTAssertEqual(strict.problems(parent: try villageArea(), children: children), [])
    }

    /// Bricks: the lower row has 2 tiles, the upper row 3, so the upper tiles' corners lie in the middle of the
    /// lower tiles' top edges and every tile corner on the village edge lies in the middle of that edge.
    func testTJunctionsPass() throws {
        let lower = [(109.8, 109.815), (109.815, 109.83)].enumerated().map { i, span in
            try? area(
                grid(i + 1), F.ring([(span.0, 40.6), (span.1, 40.6), (span.1, 40.61), (span.0, 40.61), (span.0, 40.6)]))
        }
        let upper = [(109.8, 109.807), (109.807, 109.822), (109.822, 109.83)].enumerated().map { i, span in
            try? area(
                grid(i + 3),
                F.ring([(span.0, 40.61), (span.1, 40.61), (span.1, 40.62), (span.0, 40.62), (span.0, 40.61)]))
        }
        let children = (lower + upper).compactMap { $0 }
        XCTAssertEqual(children.count, 5)
        let strict = BoundaryCheck(tolerance: BoundaryTolerance(minimumSquareMetres: 1e-3, sliverWidthMetres: 0))
        XCTAssertEqual(strict.problems(parent: try villageArea(), children: children), [])
    }

    /// Slanted borders with T-junctions whose vertex is computed in floating point, so it lies on the
    /// neighbour's edge only up to rounding.
    func testSlantedTJunctionsPass() throws {
        let a = (109.8, 40.6)
        let b = (109.84, 40.605)
        let c = (109.842, 40.63)
        let d = (109.797, 40.626)
        func mid(_ p: (Double, Double), _ q: (Double, Double), _ t: Double = 0.5) -> (Double, Double) {
            (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t)
        }
        let m1 = mid(a, b, 0.43)
        let m2 = mid(d, c, 0.57)  // a slanted line across the quadrilateral
        let q = mid(m1, m2, 0.37)
        let r = mid(b, c, 0.61)  // q lies on the west tile's edge m1–m2
        let parent = try area(village, F.ring([a, b, c, d, a]))
        let children = [
            try area(grid(1), F.ring([a, m1, m2, d, a])),
            try area(grid(2), F.ring([m1, b, r, q, m1])),
            try area(grid(3), F.ring([q, r, c, m2, q])),
        ]
        let strict = BoundaryCheck(tolerance: BoundaryTolerance(minimumSquareMetres: 1e-3, sliverWidthMetres: 0))
        XCTAssertEqual(strict.problems(parent: parent, children: children), [])
        let covered = children.reduce(0) { $0 + $1.boundary.squareMetres }
        XCTAssertEqual(covered, parent.boundary.squareMetres, accuracy: 1e-3)
    }

    /// An irregular 8 × 6 mesh: every inner vertex jittered, neighbours share them exactly.
    func testAnIrregularMeshPasses() throws {
        var generator = TestRandom(seed: 7)
        let columns = 8
        let rows = 6
        var points: [[(Double, Double)]] = []
        for row in 0...rows {
            points.append(
                (0...columns).map { column in
                    let inner = row > 0 && row < rows && column > 0 && column < columns
                    let jitter = inner ? (generator.unit() - 0.5) * 0.004 : 0
                    let jitter2 = inner ? (generator.unit() - 0.5) * 0.004 : 0
                    return (109.8 + Double(column) * 0.01 + jitter, 40.6 + Double(row) * 0.01 + jitter2)
                })
        }
        var children: [BoundaryCheck.Area] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let p = points[row]
                let n = points[row + 1]
                let cell = [p[column], p[column + 1], n[column + 1], n[column], p[column]]
                children.append(try area(grid(children.count + 1), F.ring(cell)))
            }
        }
        // The parent's outline passes through every boundary vertex of the mesh.
        let outline =
            points[0] + points.dropFirst().map { $0[columns] } + points[rows].reversed().dropFirst()
            + points.dropFirst().dropLast().reversed().map { $0[0] } + [points[0][0]]
        let parent = try area(village, F.ring(outline))
        XCTAssertEqual(check.problems(parent: parent, children: children), [])
        let strict = BoundaryCheck(tolerance: BoundaryTolerance(minimumSquareMetres: 1e-3, sliverWidthMetres: 0))
        XCTAssertEqual(strict.problems(parent: parent, children: children), [])
    }

    /// Coordinates rounded to 6 decimals leave slivers along slanted shared borders; the tolerance ignores
    /// them, a strict check sees them.
    func testRoundingSliversAreIgnoredByTheDefaultTolerance() throws {
        func rounded(_ p: (Double, Double)) -> (Double, Double) {
            ((p.0 * 1e6).rounded() / 1e6, (p.1 * 1e6).rounded() / 1e6)
        }
        let a = (109.8, 40.6)
        let b = (109.84, 40.605)
        let c = (109.842, 40.63)
        let d = (109.797, 40.626)
        func along(_ p: (Double, Double), _ q: (Double, Double), _ t: Double) -> (Double, Double) {
            (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t)
        }
        // A slanted border from the south edge to the north edge with vertices on it, every one rounded: the
        // west tile and the village keep only straight lines, which no longer hold the rounded vertices.
        let (southEnd, northEnd) = (along(a, b, 0.4321), along(d, c, 0.5678))
        let line = (0...6).map { i in rounded(along(southEnd, northEnd, Double(i) / 6 + (i % 2 == 0 ? 0 : 0.013))) }
        let south = line.first ?? a
        let north = line.last ?? c
        let west = try area(grid(1), F.ring([a, south, north, d, a]))  // only the line's two ends
        let east = try area(grid(2), F.ring([south, b, c, north] + line.dropFirst().dropLast().reversed() + [south]))
        let parent = try area(village, F.ring([a, b, c, d, a]))
        XCTAssertEqual(check.problems(parent: parent, children: [west, east]), [])
        let strict = BoundaryCheck(tolerance: BoundaryTolerance(minimumSquareMetres: 1e-6, sliverWidthMetres: 0))
        XCTAssertFalse(strict.problems(parent: parent, children: [west, east]).isEmpty, "the slivers exist")
    }

    func testAChildStickingOutReportsTheAreaOutside() throws {
        let children = try tiles(widenFirstBy: 0)
        var sticking = children
        // Grid 1 reaches 0.002° past the village's south edge.
        sticking[0] = try area(grid(1), F.rect(109.8, 40.598, 109.81, 40.61))
        let problems = check.problems(parent: try villageArea(), children: sticking)
        XCTAssertEqual(problems.map(\.code), [.outsideParent])
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.areaCode, grid(1))
        XCTAssertEqual(problem.otherAreaCode, village)
        let expected = F.cellSquareMetres(109.8, 40.598, 109.81, 40.6)
        XCTAssertEqual(try XCTUnwrap(problem.squareMetres), expected, accuracy: expected * 1e-6)
        XCTAssertTrue(
            problem.message.hasPrefix("网格 150207001001001 超出上级村（社区） 150207001001 约 \(Int(expected.rounded())) 平方米"),
            problem.message)
        let location = try XCTUnwrap(problem.location)
        XCTAssertEqual(location.latitude, 40.599, accuracy: 0.0011, "on the edge of the part outside")
    }

    func testOverlappingSiblingsReportTheOverlap() throws {
        // Grid 1 reaches 0.003° into grid 2.
        let problems = check.problems(parent: try villageArea(), children: try tiles(widenFirstBy: 0.003))
        XCTAssertEqual(problems.map(\.code), [.overlapsSibling])
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.areaCode, grid(1))
        XCTAssertEqual(problem.otherAreaCode, grid(2))
        let expected = F.cellSquareMetres(109.81, 40.6, 109.813, 40.61)
        XCTAssertEqual(try XCTUnwrap(problem.squareMetres), expected, accuracy: expected * 1e-6)
        XCTAssertTrue(problem.message.contains("与网格 150207001001002 重叠"), problem.message)
    }

    func testAMissingTileIsAGapInTheParent() throws {
        let problems = check.problems(parent: try villageArea(), children: try tiles(skip: 4))
        XCTAssertEqual(problems.map(\.code), [.gapInParent])
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.areaCode, village)
        XCTAssertNil(problem.otherAreaCode)
        let expected = F.cellSquareMetres(109.81, 40.61, 109.82, 40.62)
        XCTAssertEqual(try XCTUnwrap(problem.squareMetres), expected, accuracy: expected * 1e-6)
        XCTAssertTrue(problem.message.hasPrefix("村（社区） 150207001001 内有约 "), problem.message)
        XCTAssertTrue(problem.message.contains("平方米未划入任何网格，位于 ("), problem.message)
        XCTAssertTrue(problem.message.contains("平方公里") == (expected >= 1e6))
    }

    func testSpecialGridsMustStayInsideButMayOverlapTiles() throws {
        let park = try area(grid(901), F.rect(109.805, 40.605, 109.815, 40.615), tiles: false)
        XCTAssertEqual(check.problems(parent: try villageArea(), children: try tiles() + [park]), [])
        let school = try area(grid(902), F.rect(109.825, 40.615, 109.835, 40.625), tiles: false)
        let problems = check.problems(parent: try villageArea(), children: try tiles() + [school])
        XCTAssertEqual(problems.map(\.code), [.outsideParent])
        XCTAssertEqual(problems.first?.areaCode, grid(902))
    }

    func testAParentWithAHoleAndMultiPolygonChildren() throws {
        // The village surrounds an enclave (another village) in its middle.
        let enclave = F.rect(109.812, 40.605, 109.818, 40.615)
        let parent = try area(village, F.rect(109.8, 40.6, 109.83, 40.62), enclave)
        let west = try area(grid(1), F.rect(109.8, 40.6, 109.812, 40.62))
        let eastPart = F.rect(109.818, 40.6, 109.83, 40.62)
        let southPart = F.rect(109.812, 40.6, 109.818, 40.605)
        let northPart = F.rect(109.812, 40.615, 109.818, 40.62)
        let rest = BoundaryCheck.Area(
            code: grid(2),
            boundary: try F.valid(GeoBoundary.validate(rings: [[eastPart], [southPart], [northPart]])))
        XCTAssertEqual(check.problems(parent: parent, children: [west, rest]), [])

        // A grid drawn over the enclave is outside the village by the enclave's area.
        let greedy = try area(grid(2), F.rect(109.812, 40.6, 109.83, 40.62))
        let problems = check.problems(parent: parent, children: [west, greedy])
        XCTAssertEqual(problems.map(\.code), [.outsideParent])
        let expected = F.cellSquareMetres(109.812, 40.605, 109.818, 40.615)
        XCTAssertEqual(try XCTUnwrap(problems.first?.squareMetres), expected, accuracy: expected * 1e-6)
    }

    /// Overlap of a square and a diamond: a triangle, measured independently as a ring.
    func testOverlapOfSlantedShapesIsTheExactTriangle() throws {
        let s = 0.001
        func p(_ x: Double, _ y: Double) -> (Double, Double) { (109.8 + x * s, 40.6 + y * s) }
        let square = try F.boundary(F.ring([p(0, 0), p(2, 0), p(2, 2), p(0, 2), p(0, 0)]))
        let diamond = try F.boundary(F.ring([p(2, 0), p(3, 1), p(2, 2), p(1, 1), p(2, 0)]))
        let triangle = GeoPolygon(exterior: F.ring([p(1, 1), p(2, 0), p(2, 2), p(1, 1)]))
        XCTAssertEqual(square.squareMetres(sharedWith: diamond), triangle.squareMetres, accuracy: 1e-6)
        XCTAssertEqual(
            diamond.squareMetres(outside: square), diamond.squareMetres - triangle.squareMetres, accuracy: 1e-6)
    }

    /// A county-sized family: 30 × 30 = 900 children tile the parent; one hole punched in the tiling is found.
    func testManyChildrenAreCheckedAndTheOneGapFound() throws {
        let size = 30
        let step = 0.004
        var children: [BoundaryCheck.Area] = []
        for row in 0..<size {
            for column in 0..<size where !(row == 17 && column == 11) {
                let west = 109.0 + Double(column) * step
                let south = 40.0 + Double(row) * step
                children.append(try area(grid(children.count + 1), F.rect(west, south, west + step, south + step)))
            }
        }
        let east = 109.0 + Double(size) * step
        let north = 40.0 + Double(size) * step
        let parent = try area(village, F.rect(109.0, 40.0, east, north))
        let problems = check.problems(parent: parent, children: children)
        XCTAssertEqual(problems.map(\.code), [.gapInParent])
        let expected = F.cellSquareMetres(109.044, 40.068, 109.048, 40.072)
        XCTAssertEqual(try XCTUnwrap(problems.first?.squareMetres), expected, accuracy: expected * 1e-6)
    }
}
