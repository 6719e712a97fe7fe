import FengqiaoDomain
import Foundation

/// A case registered by staff (desk operator, grid worker): any channel, optional parties.
public struct CaseOpening: Sendable, Codable, Equatable {
    public struct Party: Sendable, Codable, Equatable {
        /// `applicant` | `respondent`.
        public var side: String?
        /// `person` (the default) | `organization`.
        public var kind: String?
        public var name: String?
        public var phone: String?

        public init(side: String? = nil, kind: String? = nil, name: String? = nil, phone: String? = nil) {
            self.side = side
            self.kind = kind
            self.name = name
            self.phone = phone
        }
    }

    public var channel: String?
    public var kind: String?
    public var category: String?
    public var urgency: String?
    public var description: String?
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    public var gridCode: String?
    public var contactName: String?
    public var contactPhone: String?
    public var peopleInvolved: Int?
    /// 涉及金额 in whole yuan (wages owed, damages claimed).
    public var amountInvolved: Int64?
    public var parties: [Party]?
    /// When the matter came in, if earlier than the registration (an imported call, a visit written up
    /// later); ISO 8601. Not after now, not more than a year ago.
    public var reportedAt: Date?

    public init(
        channel: String? = nil, kind: String? = nil, category: String? = nil, urgency: String? = nil,
        description: String? = nil, address: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
        gridCode: String? = nil, contactName: String? = nil, contactPhone: String? = nil, peopleInvolved: Int? = nil,
        amountInvolved: Int64? = nil, parties: [Party]? = nil, reportedAt: Date? = nil
    ) {
        self.channel = channel
        self.kind = kind
        self.category = category
        self.urgency = urgency
        self.description = description
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.gridCode = gridCode
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.peopleInvolved = peopleInvolved
        self.amountInvolved = amountInvolved
        self.parties = parties
        self.reportedAt = reportedAt
    }
}
