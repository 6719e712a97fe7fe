import Foundation

/// Finds where a closed ring touches or crosses itself: two edges that are not neighbours meeting anywhere
/// (a bowtie, or a figure 8 passing twice through one vertex), or two neighbouring edges folding back over
/// each other (a spike).
enum RingSelfIntersection {
    /// The first place found where `ring` (closed, first position repeated last) meets itself, or nil.
    /// Points closer than `snap` degrees count as touching.
    static func firstMeeting(in ring: [Coordinate], snap: Double) -> Coordinate? {
        // Repeated consecutive points are harmless; they are dropped so they do not look like a fold.
        var vertices: [PlanarPoint] = []
        for point in ring.map(PlanarPoint.init) where vertices.last.map({ $0.distance(to: point) > snap }) ?? true {
            vertices.append(point)
        }
        if let first = vertices.first, let last = vertices.last, vertices.count > 1, first.distance(to: last) <= snap {
            vertices.removeLast()
        }
        let count = vertices.count
        guard count >= 3 else { return nil }
        let edges = (0..<count).map { PlanarSegment(start: vertices[$0], end: vertices[($0 + 1) % count]) }

        // Sweep from west to east: only edges whose longitude ranges overlap are compared.
        let order = edges.indices.sorted { edges[$0].minX < edges[$1].minX }
        for (position, i) in order.enumerated() {
            for j in order[(position + 1)...] {
                guard edges[j].minX <= edges[i].maxX + snap else { break }
                guard edges[i].boxMeets(edges[j], margin: snap) else { continue }
                let neighbours = (i + 1) % count == j || (j + 1) % count == i
                if let meeting = neighbours
                    ? fold(edges[i], edges[j], snap: snap) : meeting(edges[i], edges[j], snap: snap)
                {
                    return meeting.coordinate
                }
            }
        }
        return nil
    }

    /// Where two non-neighbouring edges touch or cross.
    private static func meeting(_ a: PlanarSegment, _ b: PlanarSegment, snap: Double) -> PlanarPoint? {
        for p in [b.start, b.end] where a.distance(to: p) <= snap { return p }
        for p in [a.start, a.end] where b.distance(to: p) <= snap { return p }
        return a.crossing(with: b)
    }

    /// Whether two neighbouring edges (sharing one vertex) run back over each other; returns the shared vertex.
    private static func fold(_ a: PlanarSegment, _ b: PlanarSegment, snap: Double) -> PlanarPoint? {
        let shared = a.end.distance(to: b.start) <= snap ? a.end : a.start
        let farA = shared == a.end ? a.start : a.end
        let farB = shared == b.start ? b.end : b.start
        return b.distance(to: farA) <= snap || a.distance(to: farB) <= snap ? shared : nil
    }
}
