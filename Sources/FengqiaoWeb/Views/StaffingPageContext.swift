import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The staffing page: grids with unfilled posts, and the workload of each grid worker.
enum StaffingPageContext {
    static func make(_ report: StaffingReport) -> [String: Any] {
        [
            "area": AreaPageContext.node(report.area), "gridCount": report.grids.count,
            "gapCount": report.gridsWithGaps.count,
            "gaps": report.gridsWithGaps.map { row in
                [
                    "code": row.grid.code, "name": row.grid.name,
                    "messages": row.staffing.findings.filter(\.isViolation).map(\.message).joined(separator: "、"),
                ]
            },
            "workload": [
                "workers": report.workload.workerCount, "households": report.workload.householdCount,
                "gridsPerWorker": format(report.workload.gridsPerWorker),
                "householdsPerWorker": format(report.workload.householdsPerWorker),
                "householdsPerGrid": format(report.workload.householdsPerGrid),
            ],
            "workers": report.workers.prefix(200).map { worker in
                [
                    "name": worker.name, "posts": worker.posts.map(\.chineseName).joined(separator: "、"),
                    "grids": worker.grids, "households": worker.households,
                ] as [String: Any]
            },
        ]
    }

    static func format(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }
}

/// `/api/v1/areas/{code}/staffing`.
struct StaffingJSON: Encodable {
    struct Gap: Encodable {
        let grid: AreaJSON.Node
        let unfilled: [String]
        let overfilled: [String]
        let messages: [String]
    }

    struct Worker: Encodable {
        let accountId: Int64
        let name: String
        let posts: [String]
        let grids: Int
        let households: Int
    }

    let area: AreaJSON.Node
    let grids: Int
    let gaps: [Gap]
    let workers: [Worker]
    let gridsPerWorker: Double?
    let householdsPerWorker: Double?

    init(_ report: StaffingReport) {
        area = AreaJSON.Node(report.area)
        grids = report.grids.count
        gaps = report.gridsWithGaps.map {
            Gap(grid: AreaJSON.Node($0.grid), unfilled: $0.staffing.unfilledPosts.map(\.rawValue),
                overfilled: $0.staffing.overfilledPosts.map(\.rawValue),
                messages: $0.staffing.findings.filter(\.isViolation).map(\.message))
        }
        workers = report.workers.map {
            Worker(accountId: $0.accountID, name: $0.name, posts: $0.posts.map(\.rawValue), grids: $0.grids,
                   households: $0.households)
        }
        gridsPerWorker = report.workload.gridsPerWorker
        householdsPerWorker = report.workload.householdsPerWorker
    }
}
