import FengqiaoDomain
import Foundation

/// The header's search box: cases (for who may view cases), a mediation by its exact number (for who
/// works mediations), and people, organisations and places (for who may view base data), each inside
/// the caller's jurisdiction. Someone who may view neither cases nor base data is refused.
public struct GlobalSearch: Sendable {
    let platform: Platform

    /// Base-data rows per section.
    public static let limit = 20

    public init(platform: Platform) { self.platform = platform }

    /// Whether `staff` may use the search at all.
    public static func offered(to staff: Staff) -> Bool {
        staff.may(.viewCases) || staff.may(.viewBaseData)
    }

    /// Whether the mediation section is `staff`'s: as the navigation's 调解 link.
    static func searchesMediation(_ staff: Staff) -> Bool {
        (staff.may(.viewCases) && staff.may(.mediate)) || staff.may(.manageMediation)
    }

    public func search(_ raw: String?, caller: Caller) async throws -> GlobalSearchResult {
        let staff = caller.staff
        guard Self.offered(to: staff) else { throw DomainError.forbidden(permission: .viewCases) }
        let term = try SearchTerm(raw)
        var result = GlobalSearchResult(term: term.text)
        if staff.may(.viewCases) {
            result.cases = try await CaseSearch(platform: platform).search(term, caller: caller)
        }
        if Self.searchesMediation(staff) {
            result.mediations = []
            if let number = MediationNumber(term.text), let view = try await visibleMediation(number.description, caller: caller) {
                result.mediations = [.init(number: view.number, stateName: view.stateName,
                                           organizationName: view.organizationName, areaName: view.areaName)]
            }
        }
        if staff.may(.viewBaseData) {
            result.people = try await ResidentRegistry(platform: platform).search(term.text, limit: Self.limit, caller: caller)
            result.organizations = try await OrganizationRegistry(platform: platform).search(term.text, limit: Self.limit, caller: caller)
            result.places = try await SiteRegistry(platform: platform).searchPlaces(term.text, limit: Self.limit, caller: caller)
        }
        return result
    }

    /// The mediation `number` when the caller may see it; nil when it does not exist or lies outside.
    private func visibleMediation(_ number: String, caller: Caller) async throws -> MediationCaseView? {
        do {
            return try await MediationCases(platform: platform).view(number: number, caller: caller)
        } catch DomainError.notFound, DomainError.forbidden {
            return nil
        }
    }
}
