import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A visit as the app shows it.
public struct VisitView: Sendable, Codable, Equatable {
    public var id: Int64
    public var gridCode: String
    public var subjectKind: String
    public var subjectKindName: String
    public var subject: String
    public var personId: Int64?
    public var visitedOn: String
    public var notes: String
    public var findings: String?
    public var createdAt: Int64

    init(_ record: VisitRecord) {
        id = record.id ?? 0
        gridCode = record.gridCode
        subjectKind = record.subjectKind
        subjectKindName = VisitSubjectKind(rawValue: record.subjectKind)?.chineseName ?? record.subjectKind
        subject = record.subject
        personId = record.personId
        visitedOn = record.visitedOn
        notes = record.notes
        findings = record.findings
        createdAt = record.createdAt
    }
}
