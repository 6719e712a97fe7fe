import Foundation

/// What a printed petition document says: 受理/不予受理/不再受理告知书 or 答复意见书, addressed to the
/// petitioners by name (identifiers masked, as on any paper that leaves the office).
public struct PetitionDocument: Sendable, Equatable {
    public var kind: PetitionDocumentKind
    /// 不予受理告知书, 答复意见书 …
    public var title: String
    /// The document's number, after the case's: `信访〔2026〕150207-2026-000123号`.
    public var number: String
    /// The petitioners' names, joined with 、.
    public var addressees: String
    public var receivedDay: String
    public var formName: String
    public var description: String
    public var respondentOrgan: String?
    /// The decision (for a notice) and its reason, or the reply's opinion.
    public var decisionName: String?
    public var body: String
    /// Where the petitioner may turn next (review within 30 working days for a reply).
    public var remedy: String
    public var issuer: String
    public var issuedDay: String
    /// The file name of the download.
    public var fileName: String
}
