import ArgumentParser
import FengqiaoServices
import Foundation

/// `fengqiao map check`: validates every stored boundary and every parent with its children.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "治理地图工具 (governance map tools)", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "检查全部区域边界:环、自相交、超出上级、与相邻区域重叠、未覆盖的空隙 (validate every boundary)")

        @OptionGroup var options: CommonOptions

        @Option(help: "最多列出多少个问题 (problems to list)")
        var limit = 50

        func run() async throws {
            let logger = try options.bootstrapLogging()
            let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: false)
            let started = ContinuousClock.now
            let result: MapValidation.Result
            do {
                result = try await MapValidation(platform: platform).checkAll()
            } catch {
                await platform.database.close()
                throw error
            }
            await platform.database.close()
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            say("已检查 \(result.areasChecked) 个区域边界、\(result.familiesChecked) 组上下级区域,用时 \(String(format: "%.1f", seconds)) 秒")
            for problem in result.problems.prefix(max(0, limit)) { say("  [\(problem.code.rawValue)] \(problem.message)") }
            if result.problems.count > limit { say("  …… 另有 \(result.problems.count - limit) 个问题") }
            guard result.problems.isEmpty else {
                say("发现 \(result.problems.count) 个边界问题")
                throw ExitCode(1)
            }
            say("全部边界通过检查 (all boundaries valid)")
        }
    }
}
