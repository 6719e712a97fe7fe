import ArgumentParser
import FengqiaoServices
import FengqiaoStore
import Foundation

/// `fengqiao demo`: loads the deterministic demo data set into an empty database.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "载入演示数据 (load demo data into an empty database)")

    @OptionGroup var options: CommonOptions

    @Option(help: "随机种子;同一种子生成相同数据")
    var seed: UInt64 = 1

    @Option(help: "规模 small (≈5千件) | medium (≈10万件) | large (≈100万件);tiny 供测试用")
    var scale: String = "small"

    @Option(help: "案件数(默认按规模);用同一规模的区域、人口和账号生成更少或更多案件,供基准测试对比")
    var cases: Int?

    func run() async throws {
        guard let scale = DemoScale(rawValue: scale) else {
            throw SettingError(setting: "--scale", reason: "应为 \(DemoScale.allCases.map(\.rawValue).joined(separator: "、")) 之一")
        }
        if let cases, !(1...5_000_000).contains(cases) {
            throw SettingError(setting: "--cases", reason: "应为 1 到 5000000 之间的整数")
        }
        let logger = try options.bootstrapLogging()
        let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: true)
        do {
            DemoLoader.printSummary(try await DemoLoader.load(seed: seed, scale: scale, cases: cases, into: platform))
        } catch {
            await platform.database.close()
            throw error
        }
        await platform.database.close()
    }
}
