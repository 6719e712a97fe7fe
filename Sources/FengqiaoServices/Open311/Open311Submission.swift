/// The fields of a GeoReport v2 `POST requests`, as sent (form fields); `attributes` holds the
/// `attribute[code]` fields.
public struct Open311Submission: Sendable, Equatable {
    public var jurisdiction: String?
    public var serviceCode: String?
    public var latitude: String?
    public var longitude: String?
    public var address: String?
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var description: String?
    public var attributes: [String: String]

    public init(
        jurisdiction: String? = nil, serviceCode: String? = nil, latitude: String? = nil, longitude: String? = nil,
        address: String? = nil, firstName: String? = nil, lastName: String? = nil, phone: String? = nil,
        description: String? = nil, attributes: [String: String] = [:]
    ) {
        self.jurisdiction = jurisdiction
        self.serviceCode = serviceCode
        self.latitude = latitude
        self.longitude = longitude
        self.address = address
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.description = description
        self.attributes = attributes
    }
}
