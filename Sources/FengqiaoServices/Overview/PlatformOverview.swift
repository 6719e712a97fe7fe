import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Reads the home page's summary from the area tree and the daily case counters (not the case rows,
/// so it costs the same at any number of cases).
public struct PlatformOverview: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public func summary() async throws -> PlatformSummary {
        try await platform.database.read { db in
            let areas = AreaRepository(db)
            let levels = try await areas.countsByLevel()
            let states = try await CaseRepository(db).totalsByState()
            return PlatformSummary(
                rootName: try await areas.root()?.name,
                areaCounts: AreaLevel.allCases.map { .init(name: $0.chineseName, count: levels[$0.rawValue] ?? 0) },
                caseStates: CaseState.allCases.map { .init(name: $0.chineseName, count: states[$0.rawValue] ?? 0) },
                totalCases: states.values.reduce(0, +),
                openCases: CaseState.allCases.filter(\.isOpen).reduce(0) { $0 + (states[$1.rawValue] ?? 0) },
                departments: try await db.countRows(in: "departments"),
                people: try await db.countRows(in: "people"),
                organizations: try await db.countRows(in: "organizations"),
                places: try await db.countRows(in: "places")
            )
        }
    }
}
