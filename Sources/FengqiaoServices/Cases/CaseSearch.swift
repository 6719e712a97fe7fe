import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The cases part of the global search: an exact case number or tracking code, then text in the
/// description or address, among the cases the caller's worklists would show (the jurisdiction; a
/// department's staff only the cases their department has or had a part in). Read-only, not audited:
/// it shows no more than the case list does.
public struct CaseSearch: Sendable {
    let platform: Platform

    /// How many cases one search returns at most.
    public static let limit = 20

    public init(platform: Platform) { self.platform = platform }

    /// The cases `staff` may find: as their worklists.
    static func scope(of staff: Staff) -> CaseListRepository.Filter {
        var scope = CaseListRepository.Filter(prefix: staff.jurisdiction.prefix, byGrid: staff.jurisdiction.level >= .grid)
        scope.involvingDepartment = staff.departmentID
        return scope
    }

    public func search(_ term: SearchTerm, caller: Caller) async throws -> [CaseSearchHit] {
        let staff = caller.staff
        try staff.require(.viewCases)
        let scope = Self.scope(of: staff)
        let kind = platform.database.kind
        let text = term.text
        let (exact, matching) = try await platform.database.read { db in
            let repository = CaseSearchRepository(db, kind: kind)
            let exact = text.contains(" ") ? [] : try await repository.exact(text, scope: scope)
            return (exact, try await repository.text(text, scope: scope, limit: Self.limit))
        }
        let exactIDs = Set(exact.map(\.id))
        let hits = exact.map { (hit: $0, matched: $0.number == text ? "number" : "trackingCode") }
            + matching.filter { !exactIDs.contains($0.id) }.map { (hit: $0, matched: "text") }
        return hits.prefix(Self.limit).map { hit, matched in
            CaseSearchHit(
                matched: matched, number: hit.number, state: hit.state,
                stateName: CaseState(rawValue: hit.state)?.chineseName ?? hit.state, kind: hit.kind,
                kindName: CaseKind(rawValue: hit.kind)?.chineseName ?? hit.kind, category: hit.category,
                areaCode: hit.areaCode, address: hit.address.map(SearchSnippet.masked),
                snippet: SearchSnippet.make(hit.description, term: matched == "text" ? text : nil),
                reportedAt: Date(millisecondsSince1970: hit.reportedAt))
        }
    }
}
