import ArgumentParser
import FengqiaoDomain
import FengqiaoServices
import Foundation

/// `fengqiao assess --period 2026-Q3`: scores a month or quarter from the command line (every county; audited as
/// `cli:$USER`), e.g. to score again after a data correction; prints how many units of each kind and how long it took.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "计算考核得分与排名 (score a month or quarter)")

    @OptionGroup var options: CommonOptions

    @Option(help: "考核期,如 2026-11(月)或 2026-Q3(季度)")
    var period: String

    @Option(help: "考核对象: township | department | grid_worker | all")
    var kind: String = "all"

    func run() async throws {
        let kinds = kind == "all" ? AssessedUnitKind.allCases.map(\.rawValue) : [kind]
        try await TokenCommand.withPlatform(options) { platform in
            let assessments = Assessments(platform: platform)
            let started = Date()
            let units = try await assessments.score(periodKey: period, kinds: kinds, by: TokenCommand.actor)
            let seconds = Date().timeIntervalSince(started)
            say("| kind | units |")
            say("|---|---:|")
            for kind in kinds { say("| \(kind) | \(AssessedUnitKind(rawValue: kind).flatMap { units[$0] } ?? 0) |") }
            say("")
            say("scored in \(String(format: "%.2f", seconds)) s")
        }
    }
}
