import Foundation

/// A row of `visits`: one 走访 by a grid worker.
public struct VisitRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var accountId: Int64
    public var gridCode: String
    public var subjectKind: String
    public var subject: String
    public var personId: Int64?
    public var latitude: Double?
    public var longitude: Double?
    public var visitedOn: String
    public var notes: String
    public var findings: String?
    public var createdAt: Int64

    public init(
        id: Int64? = nil, accountId: Int64, gridCode: String, subjectKind: String, subject: String, personId: Int64?,
        latitude: Double?, longitude: Double?, visitedOn: String, notes: String, findings: String?, createdAt: Int64
    ) {
        self.id = id
        self.accountId = accountId
        self.gridCode = gridCode
        self.subjectKind = subjectKind
        self.subject = subject
        self.personId = personId
        self.latitude = latitude
        self.longitude = longitude
        self.visitedOn = visitedOn
        self.notes = notes
        self.findings = findings
        self.createdAt = createdAt
    }
}
