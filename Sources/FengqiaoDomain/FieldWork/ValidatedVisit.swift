import Foundation

/// A visit whose fields passed `VisitSubmission.validate`; the grid is placed by the service.
public struct ValidatedVisit: Sendable, Equatable {
    public var kind: VisitSubjectKind
    public var subject: String
    public var personId: Int64?
    public var position: FieldPosition
    public var visitedOn: CivilDate
    public var notes: String
    public var findings: String?
}
