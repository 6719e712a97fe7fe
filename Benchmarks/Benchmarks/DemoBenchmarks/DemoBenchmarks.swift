import Benchmark
import FengqiaoServices
import FengqiaoStore
import Foundation
import Logging

/// `DemoGenerator` at scale `tiny` (≈200 cases) into a fresh, migrated SQLite file per iteration. Opening the file
/// and migrating it happen outside the measurement; only the generator's `load` is measured.
let benchmarks: @Sendable () -> Void = {
    spatialIndexBenchmarks()
    let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
    // A fixed reference time, so every iteration generates the same data.
    let now = Date(timeIntervalSince1970: 1_795_399_200)

    Benchmark(
        "DemoGenerator(scale: .tiny).load into a fresh SQLite file",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
            maxDuration: .seconds(30),
            maxIterations: 25
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("fengqiao-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let storage = try await SQLiteStorage.open(path: directory.appendingPathComponent("demo.sqlite").path, logger: logger)
            _ = try await Migrator(database: storage, logger: logger).migrate(now: now)
            let cipher = try PersonalDataCipher(keyMaterial: Data((0..<32).map { UInt8($0) }))

            benchmark.startMeasurement()
            let summary = try await DemoGenerator(seed: 1, scale: .tiny, now: now)
                .load(into: storage, cipher: cipher, logger: logger)
            benchmark.stopMeasurement()

            blackHole(summary.cases)
            await storage.close()
        }
    }
}
