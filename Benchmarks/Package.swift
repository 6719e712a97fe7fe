// swift-tools-version:6.1
// Micro-benchmarks for Fengqiao (ordo-one/benchmark). A separate package so that the main package and CI never
// build the benchmark tooling. Run: bench/benchmarks (or, from the repository root,
// `swift package --package-path Benchmarks --scratch-path Benchmarks/.build benchmark`).
import PackageDescription

let package = Package(
    name: "FengqiaoBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Named explicitly: a path dependency is otherwise known by its folder's name, which differs per clone.
        .package(name: "fengqiao", path: ".."),
    ],
    targets: [
        // Pure domain rules: identity numbers, report validation.
        .executableTarget(
            name: "DomainBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FengqiaoDomain", package: "fengqiao"),
            ],
            path: "Benchmarks/DomainBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The case workflow: decisions per second over a full closed loop, and replays.
        .executableTarget(
            name: "WorkflowBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FengqiaoDomain", package: "fengqiao"),
            ],
            path: "Benchmarks/WorkflowBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Demo generation into a fresh SQLite file (storage, encryption and the generator together).
        .executableTarget(
            name: "DemoBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "FengqiaoDomain", package: "fengqiao"),
                .product(name: "FengqiaoStore", package: "fengqiao"),
                .product(name: "FengqiaoServices", package: "fengqiao"),
            ],
            path: "Benchmarks/DemoBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
