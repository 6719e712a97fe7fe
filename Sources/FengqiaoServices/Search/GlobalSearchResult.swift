import Foundation

/// What the global search found, one section per kind of record; a section the caller may not see is
/// nil (absent), an empty one is `[]`.
public struct GlobalSearchResult: Sendable, Encodable {
    /// A mediation found by its exact number.
    public struct Mediation: Sendable, Equatable, Encodable {
        public var number: String
        public var stateName: String
        public var organizationName: String?
        public var areaName: String?
    }

    public var term: String
    public var cases: [CaseSearchHit]?
    public var mediations: [Mediation]?
    public var people: [PersonView]?
    public var organizations: [OrganizationRegistry.View]?
    public var places: [SiteRegistry.View]?
}
