import Foundation

/// A case as GeoReport v2 shows it to anyone: public fields only — never the reporter's name or phone,
/// who handles it, or its attachments.
public struct Open311Request: Sendable, Equatable {
    public var id: String
    /// `open` or `closed`.
    public var status: String
    public var statusNotes: String?
    public var serviceName: String
    public var serviceCode: String
    public var description: String
    public var agencyResponsible: String?
    public var serviceNotice: String?
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    public var requestedAt: Date
    public var updatedAt: Date
    public var expectedAt: Date?
}
