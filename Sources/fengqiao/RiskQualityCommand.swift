import ArgumentParser
import FengqiaoDomain
import FengqiaoServices
import Foundation

/// `fengqiao risk-quality`: precision and recall of the standard risk rules on the labelled synthetic scenarios
/// (planted situations and noise), summed over the seeds given; prints a Markdown table.
struct RiskQualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk-quality", abstract: "用标注的模拟场景评估风险预警规则的准确率和召回率 (precision and recall of the risk rules)")

    @Option(help: "随机种子,逗号分隔,如 1,2,3")
    var seeds: String = "1,2,3"

    func run() throws {
        let parsed = seeds.split(separator: ",").map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !parsed.isEmpty, parsed.count <= 50, parsed.allSatisfy({ $0 != nil }) else {
            throw SettingError(setting: "--seeds", reason: "应为逗号分隔的非负整数(最多 50 个),如 1,2,3")
        }
        var totals: [RiskRuleKind: (planted: Int, reported: Int, matched: Int)] = [:]
        var cases = 0
        for seed in parsed.compactMap({ $0 }) {
            let scenario = RiskScenarioGenerator(seed: seed).generate()
            cases += scenario.facts.count
            for rule in RiskRuleQuality.measure(scenario) {
                let before = totals[rule.rule] ?? (0, 0, 0)
                totals[rule.rule] = (before.planted + rule.planted, before.reported + rule.reported, before.matched + rule.matched)
            }
        }
        say("Seeds \(seeds): \(cases) cases; a nightly sweep at the end of each of the last 28 days; standard thresholds.")
        say("")
        say("| rule | planted | reported | planted and reported | precision | recall |")
        say("|---|---:|---:|---:|---:|---:|")
        for rule in RiskRuleKind.allCases {
            let total = RiskRuleQuality(rule: rule, planted: totals[rule]?.planted ?? 0, reported: totals[rule]?.reported ?? 0,
                                        matched: totals[rule]?.matched ?? 0)
            say("| \(rule.chineseName) (\(rule.rawValue)) | \(total.planted) | \(total.reported) | \(total.matched) | "
                + String(format: "%.1f%% | %.1f%% |", total.precision * 100, total.recall * 100))
        }
    }
}
