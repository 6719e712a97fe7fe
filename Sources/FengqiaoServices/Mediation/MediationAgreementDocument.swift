import FengqiaoDomain
import Foundation

/// What the documents of an agreement say: the mediation, its parties by name and side (never their
/// phones), the agreement and, for the court, the hand-off. Days are `yyyy-MM-dd`; the templates
/// write them out in Chinese.
public struct MediationAgreementDocument: Sendable, Codable, Equatable {
    public struct Party: Sendable, Codable, Equatable {
        public var side: String
        public var sideName: String
        public var kind: String
        public var kindName: String
        public var name: String
        public var isOrganization: Bool
    }

    public var number: String
    public var documentNumber: String
    public var caseNumber: String
    public var specialty: String
    public var specialtyName: String
    public var areaCode: String
    public var areaName: String?
    public var organizationName: String
    public var mediatorName: String?
    public var parties: [Party]
    public var agreement: MediationOutcomeView.Agreement
    /// The court of the hand-off, when recorded.
    public var court: String?
    /// The day the documents are printed.
    public var printedOn: String

    /// `2026-09-01` → `2026年9月1日`.
    public static func chineseDay(_ text: String?) -> String {
        guard let text, let day = CivilDate(text) else { return text ?? "" }
        return "\(day.year)年\(day.month)月\(day.day)日"
    }
}
