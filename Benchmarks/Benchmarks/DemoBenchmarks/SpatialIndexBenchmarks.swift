import Benchmark
import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Point → micro-grid lookups over the `large` demo map (~25,000 micro-grids). The index is built
/// once, outside the measurement; each iteration looks up 100,000 points spread over the map.
let spatialIndexBenchmarks: @Sendable () -> Void = {
    let now = Date(timeIntervalSince1970: 1_795_399_200)
    let microGrids = DemoGenerator(seed: 1, scale: .large, now: now).areaRecords()
        .filter { $0.level == AreaLevel.microGrid.rawValue }
    let entries = microGrids.compactMap { area in
        area.boundary.flatMap(GeoPolygon.init(geoJSON:)).map { SpatialIndex<String>.Entry(id: area.code, polygons: [$0]) }
    }
    let index = SpatialIndex(entries)
    let boxes = entries.compactMap { $0.polygons.first?.boundingBox }
    let minLon = boxes.map(\.minLongitude).min() ?? 0, maxLon = boxes.map(\.maxLongitude).max() ?? 0
    let minLat = boxes.map(\.minLatitude).min() ?? 0, maxLat = boxes.map(\.maxLatitude).max() ?? 0
    var state: UInt64 = 7
    let points: [Coordinate] = (0..<100_000).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let x = Double(state >> 11) / Double(1 << 53)
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let y = Double(state >> 11) / Double(1 << 53)
        return Coordinate(latitude: minLat + y * (maxLat - minLat), longitude: minLon + x * (maxLon - minLon))
    }

    Benchmark(
        "SpatialIndex.locate × 100,000 points over \(entries.count) micro-grids",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .throughput], maxDuration: .seconds(20), maxIterations: 50)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var found = 0
            for point in points where index.locate(point) != nil { found += 1 }
            blackHole(found)
        }
    }
}
