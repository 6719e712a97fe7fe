import Foundation

/// Finds which of many areas holds a point: the point → grid lookup of the governance map.
///
/// Areas are (multi)polygons with an identifier. The index is a uniform bucket grid over their
/// bounding boxes (packed into flat arrays), so a lookup tests only the few candidates whose boxes
/// cover the point's bucket, then runs the exact even–odd ring test. The ring test is half-open
/// (a point on an edge shared by two tiles belongs to exactly one of them), so a tiling answers
/// every point inside it exactly once. Immutable: build a new index when areas change.
public struct SpatialIndex<ID: Hashable & Sendable>: Sendable {
    public struct Entry: Sendable {
        public var id: ID
        /// One or more polygons (a MultiPolygon is several).
        public var polygons: [GeoPolygon]

        public init(id: ID, polygons: [GeoPolygon]) {
            self.id = id
            self.polygons = polygons
        }
    }

    private let entries: [Entry]
    private let boxes: [BoundingBox]
    private let bounds: BoundingBox?
    private let columns: Int
    private let rows: Int
    /// `bucketStart[b]..<bucketStart[b+1]` indexes `bucketEntries` for bucket `b`.
    private let bucketStart: [Int]
    private let bucketEntries: [Int32]

    /// Builds the index; entries without a usable polygon are left out. `entriesPerBucket` trades
    /// memory for the number of candidates a lookup tests.
    public init(_ entries: [Entry], entriesPerBucket: Double = 2) {
        let usable = entries.compactMap { entry -> (Entry, BoundingBox)? in
            let points = entry.polygons.flatMap(\.exterior)
            guard let box = BoundingBox(covering: points) else { return nil }
            return (entry, box)
        }
        self.entries = usable.map(\.0)
        self.boxes = usable.map(\.1)
        let all = BoundingBox(covering: boxes.flatMap {
            [Coordinate(latitude: $0.minLatitude, longitude: $0.minLongitude),
             Coordinate(latitude: $0.maxLatitude, longitude: $0.maxLongitude)]
        })
        self.bounds = all
        let buckets = max(1.0, (Double(usable.count) / entriesPerBucket).rounded(.up))
        let aspect = all.map { $0.height > 0 && $0.width > 0 ? $0.width / $0.height : 1 } ?? 1
        let columns = max(1, min(4096, Int((buckets * aspect).squareRoot().rounded(.up))))
        let rows = max(1, min(4096, Int((buckets / Double(columns)).rounded(.up))))
        self.columns = columns
        self.rows = rows

        var lists = [[Int32]](repeating: [], count: columns * rows)
        if let all {
            for (index, box) in boxes.enumerated() {
                let (c0, r0) = Self.cell(box.minLongitude, box.minLatitude, in: all, columns, rows)
                let (c1, r1) = Self.cell(box.maxLongitude, box.maxLatitude, in: all, columns, rows)
                for r in r0...r1 {
                    for c in c0...c1 { lists[r * columns + c].append(Int32(index)) }
                }
            }
        }
        var start = [0]
        start.reserveCapacity(lists.count + 1)
        for list in lists { start.append(start[start.count - 1] + list.count) }
        self.bucketStart = start
        self.bucketEntries = lists.flatMap { $0 }
    }

    public var count: Int { entries.count }

    /// The area holding `point`, or nil when none does. Where areas overlap, the first one given wins.
    public func locate(_ point: Coordinate) -> ID? {
        guard let bounds, Self.covers(bounds, point) else { return nil }
        let (c, r) = Self.cell(point.longitude, point.latitude, in: bounds, columns, rows)
        let bucket = r * columns + c
        // A bucket lists its entries in the order given, so the first hit is the one that wins.
        for slot in bucketStart[bucket]..<bucketStart[bucket + 1] {
            let index = Int(bucketEntries[slot])
            guard Self.covers(boxes[index], point) else { continue }
            if entries[index].polygons.contains(where: { $0.contains(point) }) { return entries[index].id }
        }
        return nil
    }

    /// Closed-box test: the exact ring test, not the box, decides edges.
    private static func covers(_ box: BoundingBox, _ p: Coordinate) -> Bool {
        p.latitude >= box.minLatitude && p.latitude <= box.maxLatitude
            && p.longitude >= box.minLongitude && p.longitude <= box.maxLongitude
    }

    private static func cell(_ lon: Double, _ lat: Double, in b: BoundingBox, _ columns: Int, _ rows: Int) -> (Int, Int) {
        let fx = b.width > 0 ? (lon - b.minLongitude) / b.width : 0
        let fy = b.height > 0 ? (lat - b.minLatitude) / b.height : 0
        let c = min(columns - 1, max(0, Int(fx * Double(columns))))
        let r = min(rows - 1, max(0, Int(fy * Double(rows))))
        return (c, r)
    }
}
