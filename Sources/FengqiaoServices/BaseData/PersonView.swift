import FengqiaoDomain
import FengqiaoStore

/// A resident as staff see one: identifiers masked, tags limited to what the role may see.
public struct PersonView: Sendable, Equatable, Encodable {
    public let id: Int64
    public let name: String
    public let gender: String
    public let birthYear: Int
    public let idNumberMasked: String
    public let phoneMasked: String?
    public let gridCode: String
    public let address: String
    public let relation: String?
    /// Chinese tag names the caller's role (or token) may see.
    public let tags: [String]

    init(_ record: PersonRecord, permissions: Set<Permission>) {
        id = record.id ?? 0
        name = record.name
        gender = record.gender
        birthYear = record.birthYear
        idNumberMasked = record.idNumberMasked
        phoneMasked = record.phoneMasked
        gridCode = record.gridCode
        address = record.address
        relation = record.relation.flatMap(HouseholdRelation.init(rawValue:))?.chineseName ?? record.relation
        let stored = record.tags.split(separator: ",").compactMap { try? PersonTag(parsing: String($0), field: "tags") }
        tags = PersonTag.visibleTags(stored, with: permissions).map(\.chineseName)
    }
}

/// The unmasked identifiers of a resident, for the few roles allowed to see them.
public struct RevealedIdentifiers: Sendable, Equatable, Encodable {
    public let idNumber: String
    public let phone: String?
}

/// One page of residents and the cursor of the next, nil on the last page.
public struct PeoplePage: Sendable, Encodable {
    public let people: [PersonView]
    public let next: String?

    public init(people: [PersonView], next: String?) {
        self.people = people
        self.next = next
    }
}
