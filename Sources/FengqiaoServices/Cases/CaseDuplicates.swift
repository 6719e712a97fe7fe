import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Duplicate suggestions (查重): for a draft at intake, or an existing case, the cases in the caller's
/// scope at the same grid or address, reported within a window of days, that describe a similar
/// matter — scored by `DuplicateScoring`, best first. Merged, rejected and withdrawn cases are left out.
public struct CaseDuplicates: Sendable {
    let platform: Platform

    public static let defaultDays = 30
    public static let maximumDays = 365
    /// How many cases one check compares at most (the most recently updated of the window).
    public static let candidateLimit = 300
    /// How many suggestions one check returns at most.
    public static let suggestionLimit = 5
    static let excludedStates: [CaseState] = [.merged, .rejected, .withdrawn]

    public init(platform: Platform) { self.platform = platform }

    /// Suggestions for `draft`, which is validated (and placed) as `CaseEngine.open` would, with the same errors.
    /// Reported in the `days` before now.
    public func suggestions(for draft: CaseOpening, days: Int? = nil, caller: Caller) async throws -> [CaseDuplicate] {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.acceptCases) || staff.may(.handleCases) else {
            throw DomainError.forbidden(permission: .acceptCases)
        }
        let window = try Self.window(days)
        let now = platform.clock.now()
        let (report, _, _) = try CaseEngine.validate(draft, now: now)
        let (areaCode, gridCode) = try CaseEngine.filing(report, staff: staff, atlas: try await platform.areaAtlas())
        let profile = DuplicateProfile(gridCode: gridCode, address: report.address, description: report.description,
                                       kind: report.kind.rawValue, category: report.category)
        return try await platform.database.read { db in
            try await Self.suggestions(for: profile, areaCode: areaCode, around: now.millisecondsSince1970, days: window, future: false,
                                       excluding: nil, staff: staff, in: db)
        }
    }

    /// Suggestions for case `caseNumber` (404 when the caller may not see it): cases reported within
    /// `days` before or after it.
    public func suggestions(forCase caseNumber: String, days: Int? = nil, caller: Caller) async throws -> [CaseDuplicate] {
        try caller.staff.require(.viewCases)
        let window = try Self.window(days)
        return try await platform.database.read { db in
            let loaded = try await CaseEngine.load(caseNumber, staff: caller.staff, in: db)
            let record = loaded.record
            let profile = DuplicateProfile(gridCode: record.gridCode, address: record.address, description: record.description,
                                           kind: record.kind, category: record.category)
            return try await Self.suggestions(for: profile, areaCode: record.areaCode, around: record.reportedAt,
                                              days: window, future: true, excluding: loaded.id, staff: caller.staff, in: db)
        }
    }

    /// The window in days: `days`, or the default; outside 1…`maximumDays` a field error.
    static func window(_ days: Int?) throws(DomainError) -> Int {
        guard let days else { return defaultDays }
        guard (1...maximumDays).contains(days) else {
            throw .validation([FieldError(field: "days", code: "out_of_range", message: "查重天数应在1到\(maximumDays)之间")])
        }
        return days
    }

    /// The suggestions for `profile` filed under `areaCode`, among the cases `staff` may see, reported
    /// from `days` before `moment` up to `moment` (or `days` after it when `future`).
    static func suggestions(
        for profile: DuplicateProfile, areaCode: String, around moment: Int64, days: Int, future: Bool, excluding: Int64?,
        staff: Staff, in db: any SQLDatabase
    ) async throws -> [CaseDuplicate] {
        let span = Int64(days) * 86_400_000
        var scope = CaseListRepository.Filter(prefix: staff.jurisdiction.prefix, byGrid: staff.jurisdiction.level >= .grid)
        scope.involvingDepartment = staff.departmentID
        let query = CaseDuplicateRepository.Query(
            scope: scope, areaCode: areaCode, gridCode: profile.gridCode, withAddress: profile.address != nil,
            since: moment - span, until: future ? moment + span : nil, excludedStates: excludedStates.map(\.rawValue),
            excludedCase: excluding, limit: candidateLimit)
        let candidates = try await CaseDuplicateRepository(db).candidates(query)
        let scored: [(CaseDuplicateRepository.Candidate, DuplicateMatch)] = candidates.compactMap { candidate in
            let other = DuplicateProfile(gridCode: candidate.gridCode, address: candidate.address,
                                         description: candidate.description, kind: candidate.kind,
                                         category: candidate.category)
            return DuplicateScoring.match(profile, other).map { (candidate, $0) }
        }
        return scored
            .sorted { a, b in
                a.1.score != b.1.score ? a.1.score > b.1.score : (a.0.reportedAt, a.0.id) > (b.0.reportedAt, b.0.id)
            }
            .prefix(suggestionLimit)
            .map { candidate, match in
                let state = CaseState(rawValue: candidate.state)
                return CaseDuplicate(
                    number: candidate.number, state: candidate.state, stateName: state?.chineseName ?? candidate.state,
                    kind: candidate.kind, category: candidate.category, gridCode: candidate.gridCode,
                    address: candidate.address, description: String(candidate.description.prefix(100)),
                    reportedAt: Date(millisecondsSince1970: candidate.reportedAt), score: match.score,
                    reasons: match.reasons)
            }
    }
}
