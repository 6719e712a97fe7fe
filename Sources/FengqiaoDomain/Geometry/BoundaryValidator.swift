import Foundation

/// Checks the raw rings of one boundary: each ring on its own (numbers in range, long enough, closed, some
/// area, not crossing itself), then each polygon's holes against its exterior and each other, then a
/// MultiPolygon's parts against each other. Later checks run only when the earlier ones pass, because they
/// need well-formed rings to mean anything.
enum BoundaryValidator {
    static func validate(_ raw: RawBoundary, areaCode: AreaCode?, tolerance: BoundaryTolerance)
        -> Result<GeoBoundary, BoundaryRejection>
    {
        let subject = BoundaryProblem.Subject(areaCode: areaCode, isMultiPolygon: raw.isMultiPolygon)
        guard !raw.polygons.isEmpty else {
            return .failure(BoundaryRejection([.invalidGeoJSON(subject, "没有任何多边形")]))
        }
        var problems: [BoundaryProblem] = []
        var polygons: [GeoPolygon] = []
        for (p, rings) in raw.polygons.enumerated() {
            guard let exterior = rings.first else {
                problems.append(.invalidGeoJSON(subject, "第\(p + 1)个多边形没有任何环"))
                continue
            }
            let ringProblems = rings.enumerated().compactMap { r, ring in
                ringProblem(ring, BoundaryProblem.RingIndex(polygon: p, ring: r), subject, tolerance)
            }
            guard ringProblems.isEmpty else {
                problems += ringProblems
                continue
            }
            let polygon = GeoPolygon(exterior: exterior, holes: Array(rings.dropFirst()))
            let holeProblems = holeProblems(polygon, polygonIndex: p, subject, tolerance)
            guard holeProblems.isEmpty else {
                problems += holeProblems
                continue
            }
            if polygon.squareMetres < tolerance.minimumSquareMetres {
                let index = BoundaryProblem.RingIndex(polygon: p, ring: 0)
                problems.append(.zeroArea(subject, index, wholePolygon: true, minimum: tolerance.minimumSquareMetres))
                continue
            }
            polygons.append(polygon)
        }
        if problems.isEmpty {
            problems += partProblems(polygons, subject, tolerance)
        }
        guard problems.isEmpty else { return .failure(BoundaryRejection(problems)) }
        return .success(GeoBoundary(polygons: polygons))
    }

    /// The first thing wrong with one ring on its own, if anything.
    private static func ringProblem(
        _ ring: [Coordinate], _ index: BoundaryProblem.RingIndex, _ subject: BoundaryProblem.Subject,
        _ tolerance: BoundaryTolerance
    ) -> BoundaryProblem? {
        if let bad = ring.firstIndex(where: { !isInRange($0) }) {
            return .coordinateOutOfRange(subject, index, position: bad, ring[bad])
        }
        guard ring.count >= 4, let first = ring.first, let last = ring.last else {
            return .ringTooShort(subject, index, count: ring.count)
        }
        guard first == last else { return .ringNotClosed(subject, index, first: first, last: last) }
        if lobeSquareMetres(ring) < tolerance.minimumSquareMetres {
            return .zeroArea(subject, index, wholePolygon: false, minimum: tolerance.minimumSquareMetres)
        }
        if let meeting = RingSelfIntersection.firstMeeting(in: ring, snap: tolerance.snapDegrees) {
            return .selfIntersection(subject, index, at: meeting)
        }
        return nil
    }

    private static func isInRange(_ point: Coordinate) -> Bool {
        (-180.0...180.0).contains(point.longitude) && (-90.0...90.0).contains(point.latitude)
    }

    /// The area of the ring with every lobe counted positive (a fan of triangles from the first vertex), so a
    /// bowtie, whose two halves cancel in the signed area, is not mistaken for a ring without area.
    private static func lobeSquareMetres(_ ring: [Coordinate]) -> Double {
        guard let origin = ring.first else { return 0 }
        let referenceSine = sin(origin.latitude * GeodesicArea.radiansPerDegree)
        func integral(_ a: Coordinate, _ b: Coordinate) -> Double {
            GeodesicArea.edgeIntegral(
                fromLongitude: a.longitude, latitude: a.latitude, toLongitude: b.longitude, latitude: b.latitude,
                referenceSine: referenceSine)
        }
        var sum = 0.0
        for (b, c) in zip(ring.dropFirst(), ring.dropFirst(2)) {
            sum += abs(integral(origin, b) + integral(b, c) + integral(c, origin))
        }
        return sum
    }

    /// Holes (partly) outside the exterior, and holes overlapping each other.
    private static func holeProblems(
        _ polygon: GeoPolygon, polygonIndex p: Int, _ subject: BoundaryProblem.Subject, _ tolerance: BoundaryTolerance
    ) -> [BoundaryProblem] {
        guard !polygon.holes.isEmpty else { return [] }
        let exterior = PlanarShape(regionInside: polygon.exterior)
        let holes = polygon.holes.map(PlanarShape.init(regionInside:))
        var problems: [BoundaryProblem] = []
        for (h, hole) in holes.enumerated() {
            let outside = BoundaryOverlay.measure([hole], minus: [exterior], snap: tolerance.snapDegrees)
            if tolerance.reports(outside) {
                problems.append(.holeOutside(subject, BoundaryProblem.RingIndex(polygon: p, ring: h + 1), outside))
            }
        }
        let buckets = ShapeBuckets(holes, margin: 0)
        for h in holes.indices {
            for other in buckets.neighbours(of: h) where other > h {
                let overlap = BoundaryOverlay.measure([holes[h], holes[other]], snap: tolerance.snapDegrees)
                if tolerance.reports(overlap) {
                    let index = BoundaryProblem.RingIndex(polygon: p, ring: h + 1)
                    problems.append(.holesOverlap(subject, index, other: other + 1, overlap))
                }
            }
        }
        return problems
    }

    /// Parts of a MultiPolygon overlapping each other (touching along an edge is fine).
    private static func partProblems(
        _ polygons: [GeoPolygon], _ subject: BoundaryProblem.Subject, _ tolerance: BoundaryTolerance
    ) -> [BoundaryProblem] {
        guard polygons.count > 1 else { return [] }
        let parts = polygons.map { PlanarShape(polygons: [$0]) }
        let buckets = ShapeBuckets(parts, margin: 0)
        var problems: [BoundaryProblem] = []
        for p in parts.indices {
            for other in buckets.neighbours(of: p) where other > p {
                let overlap = BoundaryOverlay.measure([parts[p], parts[other]], snap: tolerance.snapDegrees)
                if tolerance.reports(overlap) { problems.append(.partsOverlap(subject, p, other, overlap)) }
            }
        }
        return problems
    }
}
