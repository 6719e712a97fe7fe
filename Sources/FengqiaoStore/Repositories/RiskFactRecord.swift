import Foundation
import SQLKit

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

    /// Reads a row column by column (the monitor reads thousands of these a second; `Codable` decoding with key
    /// conversion cost ten times as much).
    init(row: any SQLRow) throws {
        self.init(
            caseId: try row.decode(column: "case_id", as: Int64.self), areaCode: try row.decode(column: "area_code", as: String.self),
            gridCode: try row.decode(column: "grid_code", as: String?.self),
            addressKey: try row.decode(column: "address_key", as: String?.self),
            category: try row.decode(column: "category", as: String.self),
            respondentKey: try row.decode(column: "respondent_key", as: String?.self),
            applicantKey: try row.decode(column: "applicant_key", as: String?.self),
            peopleInvolved: try row.decode(column: "people_involved", as: Int.self),
            amountInvolved: try row.decode(column: "amount_involved", as: Int64.self),
            tags: try row.decode(column: "tags", as: String.self), reportedAt: try row.decode(column: "reported_at", as: Int64.self),
            reportedDay: try row.decode(column: "reported_day", as: String.self))
    }

    static let columns = ["case_id", "area_code", "grid_code", "address_key", "category", "respondent_key", "applicant_key",
                          "people_involved", "amount_involved", "tags", "reported_at", "reported_day"]

    var values: [any Encodable & Sendable] {
        [caseId, areaCode, gridCode, addressKey, category, respondentKey, applicantKey, peopleInvolved, amountInvolved, tags,
         reportedAt, reportedDay]
    }
}
