import Benchmark
import FengqiaoDomain

/// Pure domain rules: the checks every report and every resident record pass through.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 10_000
    )

    // Metrics are per call: each measured iteration repeats the body 1000 times (scalingFactor) and divides.
    // A mix of valid numbers (both genders, an X check character) and the usual mistakes.
    let identityNumbers = [
        "11010519491231002X", "150203199001011234", "440308200002291239", "150203199001011235",
        "15020319900101123", "1502031990013112X4", "150203199002301230", "150203x99001011234",
    ]
    Benchmark("ResidentIdentityNumber(_:), 8 inputs, mixed valid/invalid") { benchmark in
        for _ in benchmark.scaledIterations {
            for text in identityNumbers {
                blackHole(ResidentIdentityNumber(text))
            }
        }
    }

    let valid = ReportSubmission(
        kind: "safetyHazard", category: "电动车楼道充电", description: "三单元楼道里每天晚上都有电动车充电",
        address: "沙河街道康乐小区3号楼", latitude: 40.6, longitude: 109.8, contactName: "王女士",
        contactPhone: "13812345678", idempotencyKey: "a7f3c1d2-0b4e-4c5a-9e8f-1d2c3b4a5e6f"
    )
    Benchmark("ReportSubmission.validate(), valid") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? valid.validate())
        }
    }

    let invalid = ReportSubmission(
        channel: "carrierPigeon", kind: "noSuchKind", category: "不存在的分类", description: "短",
        latitude: 91, longitude: 200, gridCode: "abc", contactPhone: "12345"
    )
    Benchmark("ReportSubmission.validate(), every field wrong") { benchmark in
        for _ in benchmark.scaledIterations {
            do {
                blackHole(try invalid.validate())
            } catch {
                blackHole(error)
            }
        }
    }
}
