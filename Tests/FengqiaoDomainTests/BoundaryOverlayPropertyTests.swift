import FengqiaoDomain
import Foundation
import XCTest

/// Overlap, outside and gap areas checked against independent computations on many random shapes.
final class BoundaryOverlayPropertyTests: XCTestCase {
    typealias F = BoundaryFixtures
    typealias Point = (Double, Double)

    /// Two random convex polygons: the overlap equals the area of their intersection clipped by
    /// Sutherland–Hodgman (independent of the overlay code), and outside + overlap adds up to the whole.
    func testOverlapOfConvexPolygonsMatchesClipping() throws {
        var random = TestRandom(seed: 11)
        for round in 0..<300 {
            let a = convex(&random, centre: (109.8, 40.6))
            // Sometimes share a vertex or an edge exactly, which is where overlays usually go wrong.
            var b = convex(&random, centre: (109.8 + (random.unit() - 0.5) * 0.01, 40.6 + (random.unit() - 0.5) * 0.01))
            if round % 3 == 1 { b[0] = a[0] }
            if round % 3 == 2 {
                b[0] = a[1]
                b[1] = a[0]
            }
            guard isConvex(b) else { continue }
            let boundaryA = try F.boundary(F.ring(a + [a[0]]))
            let boundaryB = try F.boundary(F.ring(b + [b[0]]))
            let clipped = clip(a, by: b)
            let expected = clipped.count >= 3 ? GeoPolygon(exterior: F.ring(clipped + [clipped[0]])).squareMetres : 0
            let overlap = boundaryA.squareMetres(sharedWith: boundaryB)
            XCTAssertEqual(overlap, expected, accuracy: 1e-6 * boundaryA.squareMetres + 1e-3, "round \(round)")
            XCTAssertEqual(boundaryB.squareMetres(sharedWith: boundaryA), overlap, accuracy: 1e-3, "round \(round)")
            XCTAssertEqual(
                boundaryA.squareMetres(outside: boundaryB) + overlap, boundaryA.squareMetres,
                accuracy: 1e-6 * boundaryA.squareMetres, "round \(round)")
        }
    }

    /// An irregular mesh whose cells get extra vertices in the middle of edges on one side only (T-junctions
    /// that hold only up to rounding) and one inner vertex moved in one cell only. The overlaps and gap the
    /// check finds must account exactly for the difference between the parent and the children's areas.
    func testOverlapsAndGapsAccountForTheAreas() throws {
        var random = TestRandom(seed: 5)
        for round in 0..<20 {
            let columns = 5
            let rows = 4
            let step = 0.005
            let points: [[Point]] = (0...rows).map { row in
                (0...columns).map { column in
                    let inner = row > 0 && row < rows && column > 0 && column < columns
                    let dx = inner ? (random.unit() - 0.5) * step * 0.4 : 0
                    let dy = inner ? (random.unit() - 0.5) * step * 0.4 : 0
                    return (109.8 + Double(column) * step + dx, 40.6 + Double(row) * step + dy)
                }
            }
            let outline =
                points[0] + points.dropFirst().map { $0[columns] } + points[rows].reversed().dropFirst()
                + points.dropFirst().dropLast().reversed().map { $0[0] } + [points[0][0]]
            let moved = (row: 1 + round % (rows - 1), column: 1 + round % (columns - 1))
            var children: [BoundaryCheck.Area] = []
            for row in 0..<rows {
                for column in 0..<columns {
                    var corners = [(row, column), (row, column + 1), (row + 1, column + 1), (row + 1, column)].map {
                        points[$0.0][$0.1]
                    }
                    if round % 2 == 1, row == moved.row - 1, column == moved.column - 1 {
                        // One cell only: outward it overlaps its neighbours, inward it leaves a gap.
                        let sign = round % 4 == 1 ? 1.0 : -1.0
                        corners[2] = (corners[2].0 + sign * step * 0.15, corners[2].1 + sign * step * 0.1)
                    }
                    var ring: [Point] = []
                    for (i, corner) in corners.enumerated() {
                        ring.append(corner)
                        let next = corners[(i + 1) % 4]
                        // Every other cell splits its edges; the neighbour keeps them whole.
                        if (row + column) % 2 == 0 { ring.append(((corner.0 + next.0) / 2, (corner.1 + next.1) / 2)) }
                    }
                    let code = F.code("150207001001" + String(format: "%03d", children.count + 1))
                    children.append(BoundaryCheck.Area(code: code, boundary: try F.boundary(F.ring(ring + [ring[0]]))))
                }
            }
            let parent = try F.boundary(F.ring(outline))
            let strict = BoundaryCheck(tolerance: BoundaryTolerance(minimumSquareMetres: 1e-3, sliverWidthMetres: 0))
            let problems = strict.problems(
                parent: BoundaryCheck.Area(code: F.code("150207001001"), boundary: parent), children: children)
            let overlaps = problems.filter { $0.code == .overlapsSibling }.compactMap(\.squareMetres).reduce(0, +)
            let gap = problems.filter { $0.code == .gapInParent }.compactMap(\.squareMetres).reduce(0, +)
            XCTAssertEqual(problems.filter { $0.code == .outsideParent }, [], "round \(round)")
            let childSum = children.reduce(0) { $0 + $1.boundary.squareMetres }
            XCTAssertEqual(parent.squareMetres - gap, childSum - overlaps, accuracy: 0.01, "round \(round)")
            if round % 2 == 0 {
                XCTAssertEqual(problems, [], "round \(round)")
            } else {
                let expected: BoundaryProblem.Code = round % 4 == 1 ? .overlapsSibling : .gapInParent
                XCTAssertTrue(problems.contains { $0.code == expected }, "round \(round): a moved vertex must show")
            }
        }
    }

    /// Vertices meant to lie on a neighbour's edge but a hair off it, at distances around the snap distance
    /// (1e-9°) and rounded to 6 decimals: whatever snapping decides, the findings stay sliver-sized (the
    /// default tolerance reports nothing) and the areas still add up.
    func testVerticesAHairOffTheirNeighboursEdgesNeverBreakTheSums() throws {
        var random = TestRandom(seed: 99)
        for round in 0..<48 {
            let columns = 4
            let rows = 3
            let step = 0.005
            let offset = [0, 5e-10, 9e-10, 1.1e-9, 1.5e-9, 3e-9, 1e-8, 1e-7][round % 8]
            let rounding = round % 16 >= 8
            let points: [[Point]] = (0...rows).map { row in
                (0...columns).map { column in
                    let inner = row > 0 && row < rows && column > 0 && column < columns
                    let dx = inner ? (random.unit() - 0.5) * step * 0.4 : 0
                    let dy = inner ? (random.unit() - 0.5) * step * 0.4 : 0
                    return (109.8 + Double(column) * step + dx, 40.6 + Double(row) * step + dy)
                }
            }
            let outline =
                points[0] + points.dropFirst().map { $0[columns] } + points[rows].reversed().dropFirst()
                + points.dropFirst().dropLast().reversed().map { $0[0] } + [points[0][0]]
            var children: [BoundaryCheck.Area] = []
            for row in 0..<rows {
                for column in 0..<columns {
                    let corners = [(row, column), (row, column + 1), (row + 1, column + 1), (row + 1, column)].map {
                        points[$0.0][$0.1]
                    }
                    var ring: [Point] = []
                    for (i, corner) in corners.enumerated() {
                        ring.append(corner)
                        let next = corners[(i + 1) % 4]
                        guard (row + column) % 2 == 0 else { continue }
                        let length =
                            ((next.0 - corner.0) * (next.0 - corner.0) + (next.1 - corner.1) * (next.1 - corner.1))
                            .squareRoot()
                        for k in 1...3 {
                            let t = Double(k) / 4 + (random.unit() - 0.5) * 0.1
                            let off = (random.unit() - 0.5) * 2 * offset / length
                            var q = (
                                corner.0 + (next.0 - corner.0) * t - (next.1 - corner.1) * off,
                                corner.1 + (next.1 - corner.1) * t + (next.0 - corner.0) * off
                            )
                            if rounding { q = ((q.0 * 1e6).rounded() / 1e6, (q.1 * 1e6).rounded() / 1e6) }
                            ring.append(q)
                        }
                    }
                    let code = F.code("150207001001" + String(format: "%03d", children.count + 1))
                    children.append(BoundaryCheck.Area(code: code, boundary: try F.boundary(F.ring(ring + [ring[0]]))))
                }
            }
            let parent = BoundaryCheck.Area(code: F.code("150207001001"), boundary: try F.boundary(F.ring(outline)))
            XCTAssertEqual(BoundaryCheck().problems(parent: parent, children: children), [], "round \(round)")

            let strict = BoundaryCheck(tolerance: BoundaryTolerance(minimumSquareMetres: 1e-9, sliverWidthMetres: 0))
            let problems = strict.problems(parent: parent, children: children)
            func total(_ code: BoundaryProblem.Code) -> Double {
                problems.filter { $0.code == code }.compactMap(\.squareMetres).reduce(0, +)
            }
            let childSum = children.reduce(0) { $0 + $1.boundary.squareMetres }
            // Parent − gap + outside = union of the children = their sum − overlaps (slivers never overlap thrice).
            XCTAssertEqual(
                parent.boundary.squareMetres - total(.gapInParent) + total(.outsideParent),
                childSum - total(.overlapsSibling), accuracy: 0.5, "round \(round)")
            XCTAssertLessThan(problems.compactMap(\.squareMetres).max() ?? 0, 200, "round \(round): slivers only")
        }
    }

    // MARK: - Independent helpers

    private func convex(_ random: inout TestRandom, centre: Point) -> [Point] {
        // Points on an ellipse at sorted random angles form a convex counter-clockwise polygon.
        let count = 3 + Int(random.unit() * 5)
        let angles = (0..<count).map { _ in random.unit() * 2 * Double.pi }.sorted()
        let rx = 0.002 + random.unit() * 0.006
        let ry = 0.002 + random.unit() * 0.006
        return angles.map { (centre.0 + rx * cos($0), centre.1 + ry * sin($0)) }
    }

    private func cross(_ o: Point, _ a: Point, _ b: Point) -> Double {
        (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
    }

    private func isConvex(_ polygon: [Point]) -> Bool {
        polygon.indices.allSatisfy { i in
            cross(polygon[i], polygon[(i + 1) % polygon.count], polygon[(i + 2) % polygon.count]) > 1e-12
        }
    }

    /// Sutherland–Hodgman: `subject` clipped by the convex counter-clockwise `clipper`.
    private func clip(_ subject: [Point], by clipper: [Point]) -> [Point] {
        var output = subject
        for i in clipper.indices {
            let (e0, e1) = (clipper[i], clipper[(i + 1) % clipper.count])
            let input = output
            output = []
            for j in input.indices {
                let (p, q) = (input[j], input[(j + 1) % input.count])
                let (pIn, qIn) = (cross(e0, e1, p) >= 0, cross(e0, e1, q) >= 0)
                if pIn { output.append(p) }
                if pIn != qIn {
                    let (dp, dq) = (cross(e0, e1, p), cross(e0, e1, q))
                    let t = dp / (dp - dq)
                    output.append((p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t))
                }
            }
        }
        return output
    }
}
