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

    func run() async throws {
        guard let scale = DemoScale(rawValue: scale) else {
            throw SettingError(setting: "--scale", reason: "应为 \(DemoScale.allCases.map(\.rawValue).joined(separator: "、")) 之一")
        }
        let logger = try options.bootstrapLogging()
        let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: true)
        do {
            DemoLoader.printSummary(try await DemoLoader.load(seed: seed, scale: scale, into: platform))
        } catch {
            await platform.database.close()
            throw error
        }
        await platform.database.close()
    }
}
