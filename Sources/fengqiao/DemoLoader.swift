import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Loads demo data and prints what was loaded, including the demo logins (the only place where
/// default passwords exist).
enum DemoLoader {
    static func load(seed: UInt64, scale: DemoScale, cases: Int? = nil, into platform: Platform) async throws -> DemoSummary {
        let now = platform.clock.now()
        let summary = try await DemoGenerator(seed: seed, scale: scale, cases: cases, now: now)
            .load(into: platform.database, cipher: platform.cipher, logger: platform.logger)
        let petitions = try await DemoPetitions(seed: seed, now: now).load(into: platform)
        say("  信访 \(petitions) 件 (petitions, filed through the petition desk)")
        return summary
    }

    static func printSummary(_ summary: DemoSummary) {
        let areas = AreaLevel.allCases.map { "\($0.chineseName) \(summary.areasByLevel[$0] ?? 0)" }.joined(separator: ", ")
        say("演示数据已载入 (demo data loaded): \(areas)")
        say("  部门 \(summary.departments), 人口 \(summary.people), 组织 \(summary.organizations), 场所 \(summary.places), 案件 \(summary.cases), 事件 \(summary.events)")
        say("  综治中心 \(summary.centers), 户 \(summary.households), 部件 \(summary.things), 网格岗位 \(summary.gridPosts)(缺网格长 \(summary.gridsWithoutLeader) 个网格, 缺网格警 \(summary.gridsWithoutPolice) 个网格)")
        say(String(format: "  用时 %.1f 秒, %.0f 件/秒 (cases/s)", summary.seconds, summary.casesPerSecond))
        say("演示账号 (demo logins — demo mode only, change before real use):")
        for login in summary.logins {
            say("  \(login.role.chineseName)\t\(login.username)\t\(login.password)\t\(login.areaName)")
        }
    }
}
