// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "fengqiao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fengqiao", targets: ["fengqiao"]),
        // Libraries for the benchmark package in Benchmarks/.
        .library(name: "FengqiaoDomain", targets: ["FengqiaoDomain"]),
        .library(name: "FengqiaoStore", targets: ["FengqiaoStore"]),
        .library(name: "FengqiaoServices", targets: ["FengqiaoServices"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    ],
    targets: [
        .target(name: "FengqiaoDomain", swiftSettings: swiftSettings),
        .target(
            name: "FengqiaoStore",
            dependencies: [
                "FengqiaoDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FengqiaoServices",
            dependencies: [
                "FengqiaoDomain",
                "FengqiaoStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                // Runs headless Chromium to print documents (人民调解协议书, 答复意见书) as PDF.
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                "FengqiaoSheets",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FengqiaoJobs",
            dependencies: [
                "FengqiaoDomain",
                "FengqiaoServices",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // The SMTP client of the e-mail notifications.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FengqiaoWeb",
            dependencies: [
                "FengqiaoDomain",
                "FengqiaoServices",
                "FengqiaoQRCode",
                "FengqiaoSheets",
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fengqiao",
            dependencies: [
                "FengqiaoDomain",
                "FengqiaoStore",
                "FengqiaoServices",
                "FengqiaoJobs",
                "FengqiaoWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FengqiaoTestSupport",
            dependencies: [
                "FengqiaoDomain", "FengqiaoStore", "FengqiaoServices", "FengqiaoWeb", "FengqiaoJobs",
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/FengqiaoTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FengqiaoDomainTests",
            dependencies: ["FengqiaoDomain", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FengqiaoStoreTests",
            dependencies: ["FengqiaoStore", "FengqiaoTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FengqiaoServicesTests",
            dependencies: ["FengqiaoServices", "FengqiaoTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FengqiaoJobsTests",
            dependencies: [
                "FengqiaoJobs", "FengqiaoTestSupport",
                // A fake SMS gateway and a fake SMTP sink, started by the tests.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FengqiaoWebTests",
            dependencies: [
                "FengqiaoWeb", "FengqiaoTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "FengqiaoQRCode", dependencies: ["CQRencode"], swiftSettings: swiftSettings),
        .testTarget(name: "FengqiaoQRCodeTests", dependencies: ["FengqiaoQRCode"], swiftSettings: swiftSettings),
        .testTarget(name: "ArchitectureTests", swiftSettings: swiftSettings),
        .target(
            name: "FengqiaoSheets",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FengqiaoSheetsTests",
            dependencies: ["FengqiaoSheets"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)
