import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import Foundation

/// Recomputes one day's case counters from the cases (the counters are kept up to date as cases
/// move; this is the nightly check that repairs any drift), and the dashboard's rollups of that day and month. Payload: `{"day":"yyyy-MM-dd"}`.
public struct DailyCountRebuild: JobHandler {
    public static let kind = "case-counters.rebuild"
    public var kind: String { Self.kind }

    public init() {}

    struct Payload: Codable {
        var day: String
    }

    public func run(payload: String, platform: Platform) async throws {
        let day = try JSONDecoder().decode(Payload.self, from: Data(payload.utf8)).day
        guard day.count == 10, day.split(separator: "-").count == 3 else { throw JobError.badPayload(payload) }
        try await platform.database.write { db in
            try await CaseRepository(db).rebuildDailyCounts(day: day)
            // The dashboard's rollups of the day and of its month.
            let rollups = CaseRollupRepository(db)
            try await rollups.rebuild(period: day)
            try await rollups.rebuild(period: String(day.prefix(7)))
        }
    }

    /// The payload and de-duplication key for the rebuild of `day`.
    public static func job(for day: String) -> (payload: String, dedupeKey: String) {
        ("{\"day\":\"\(day)\"}", "\(kind):\(day)")
    }
}

public enum JobError: Error, Sendable, Equatable {
    case badPayload(String)
    case noHandler(String)
}
