import Foundation

/// The documents printed for a mediation's agreement: each is the web layer's template
/// `documents/<template>` printed to PDF.
public enum MediationDocumentKind: String, Sendable, CaseIterable {
    /// 人民调解协议书.
    case agreement
    /// 司法确认申请书.
    case confirmationApplication

    public var template: String {
        switch self {
        case .agreement: "mediation-agreement"
        case .confirmationApplication: "confirmation-application"
        }
    }

    public var title: String {
        switch self {
        case .agreement: "人民调解协议书"
        case .confirmationApplication: "司法确认申请书"
        }
    }
}

/// Prints one document of an agreement to PDF (the web layer renders its template and prints it).
public typealias MediationDocumentPrinter = @Sendable (MediationDocumentKind, MediationAgreementDocument) async throws -> Data
