import Foundation

/// A case row as stored (the projection of its events).
public struct CaseRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var number: String
    public var trackingCode: String
    public var idempotencyKey: String?
    public var kind: String
    public var category: String
    public var channel: String
    public var state: String
    public var urgency: String
    public var areaCode: String
    public var gridCode: String?
    public var lat: Double?
    public var lon: Double?
    public var address: String?
    public var description: String
    public var peopleInvolved: Int
    public var amountInvolved: Int64
    public var contactName: String?
    public var contactPhoneCipher: String?
    public var contactPhoneMasked: String?
    public var applicantPersonId: Int64?
    public var respondentOrganizationId: Int64?
    /// `yyyy-MM-dd` in Asia/Shanghai: the day the counters file the case under.
    public var reportedDay: String
    public var reportedAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64? = nil, number: String, trackingCode: String, idempotencyKey: String? = nil, kind: String,
        category: String, channel: String, state: String, urgency: String, areaCode: String, gridCode: String? = nil,
        lat: Double? = nil, lon: Double? = nil, address: String? = nil, description: String, peopleInvolved: Int = 1,
        amountInvolved: Int64 = 0, contactName: String? = nil, contactPhoneCipher: String? = nil,
        contactPhoneMasked: String? = nil, applicantPersonId: Int64? = nil, respondentOrganizationId: Int64? = nil,
        reportedDay: String, reportedAt: Int64, updatedAt: Int64
    ) {
        self.id = id
        self.number = number
        self.trackingCode = trackingCode
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.category = category
        self.channel = channel
        self.state = state
        self.urgency = urgency
        self.areaCode = areaCode
        self.gridCode = gridCode
        self.lat = lat
        self.lon = lon
        self.address = address
        self.description = description
        self.peopleInvolved = peopleInvolved
        self.amountInvolved = amountInvolved
        self.contactName = contactName
        self.contactPhoneCipher = contactPhoneCipher
        self.contactPhoneMasked = contactPhoneMasked
        self.applicantPersonId = applicantPersonId
        self.respondentOrganizationId = respondentOrganizationId
        self.reportedDay = reportedDay
        self.reportedAt = reportedAt
        self.updatedAt = updatedAt
    }

    static let columns = [
        "number", "tracking_code", "idempotency_key", "kind", "category", "channel", "state", "urgency", "area_code",
        "grid_code", "lat", "lon", "address", "description", "people_involved", "amount_involved", "contact_name",
        "contact_phone_cipher", "contact_phone_masked", "applicant_person_id", "respondent_organization_id",
        "reported_day", "reported_at", "updated_at",
    ]

    var values: [any Encodable & Sendable] {
        [
            number, trackingCode, idempotencyKey, kind, category, channel, state, urgency, areaCode, gridCode, lat, lon,
            address, description, peopleInvolved, amountInvolved, contactName, contactPhoneCipher, contactPhoneMasked,
            applicantPersonId, respondentOrganizationId, reportedDay, reportedAt, updatedAt,
        ]
    }
}
