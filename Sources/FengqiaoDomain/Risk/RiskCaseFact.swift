import Foundation

/// What the rules know about one case: enough to group it with others and to explain a warning, and nothing
/// personal beyond opaque keys (the applicant key is a person id or a keyed hash, never an ID number).
public struct RiskCaseFact: Sendable, Hashable, Codable {
    public var caseId: Int64
    public var number: String
    /// The case's area (a village or community).
    public var areaCode: String
    public var gridCode: String?
    /// The address as reported, for 多发 at one address (compared after `RiskCaseFact.addressKey`).
    public var address: String?
    public var category: String
    /// The respondent (被反映对象): `org:<id>` for a registered organisation, else `name:<name>`; nil when unknown.
    public var respondentKey: String?
    /// A stable key for the applicant (a person id, or a keyed hash of a phone or ID number); nil when anonymous.
    public var applicantKey: String?
    public var peopleInvolved: Int
    /// 涉及金额 in fen.
    public var amountInvolved: Int64
    /// Description and other free text the keyword rule reads.
    public var text: String
    public var reportedAt: Int64
    /// The China-time day it was reported, `yyyy-MM-dd`.
    public var reportedDay: String
    /// Sensitive tags of the people involved.
    public var personTags: Set<PersonTag>

    public init(
        caseId: Int64, number: String, areaCode: String, gridCode: String? = nil, address: String? = nil,
        category: String, respondentKey: String? = nil, applicantKey: String? = nil, peopleInvolved: Int = 1,
        amountInvolved: Int64 = 0, text: String = "", reportedAt: Int64, reportedDay: String,
        personTags: Set<PersonTag> = []
    ) {
        self.caseId = caseId
        self.number = number
        self.areaCode = areaCode
        self.gridCode = gridCode
        self.address = address
        self.category = category
        self.respondentKey = respondentKey
        self.applicantKey = applicantKey
        self.peopleInvolved = peopleInvolved
        self.amountInvolved = amountInvolved
        self.text = text
        self.reportedAt = reportedAt
        self.reportedDay = reportedDay
        self.personTags = personTags
    }

    /// The address with spaces and punctuation removed, so that 「幸福路 12号」 and 「幸福路12号」 are one place;
    /// nil when too short to name a place.
    public var addressKey: String? {
        guard let address else { return nil }
        let kept = address.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
        let key = String(String.UnicodeScalarView(kept))
        return key.count >= 4 ? key : nil
    }
}
