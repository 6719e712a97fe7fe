import Foundation

/// A `risk_case_facts` row: what the risk rules group one case by (opaque keys, no personal data).
public struct RiskFactRecord: Sendable, Codable, Equatable {
    public var caseId: Int64
    public var areaCode: String
    public var gridCode: String?
    public var addressKey: String?
    public var category: String
    public var respondentKey: String?
    public var applicantKey: String?
    public var peopleInvolved: Int
    public var amountInvolved: Int64
    /// Sensitive tags, comma-separated.
    public var tags: String
    public var reportedAt: Int64
    public var reportedDay: String

    public init(
        caseId: Int64, areaCode: String, gridCode: String?, addressKey: String?, category: String, respondentKey: String?,
        applicantKey: String?, peopleInvolved: Int, amountInvolved: Int64, tags: String, reportedAt: Int64, reportedDay: String
    ) {
        self.caseId = caseId
        self.areaCode = areaCode
        self.gridCode = gridCode
        self.addressKey = addressKey
        self.category = category
        self.respondentKey = respondentKey
        self.applicantKey = applicantKey
        self.peopleInvolved = peopleInvolved
        self.amountInvolved = amountInvolved
        self.tags = tags
        self.reportedAt = reportedAt
        self.reportedDay = reportedDay
    }

    static let columns = ["case_id", "area_code", "grid_code", "address_key", "category", "respondent_key", "applicant_key",
                          "people_involved", "amount_involved", "tags", "reported_at", "reported_day"]

    var values: [any Encodable & Sendable] {
        [caseId, areaCode, gridCode, addressKey, category, respondentKey, applicantKey, peopleInvolved, amountInvolved, tags,
         reportedAt, reportedDay]
    }
}
