import FengqiaoServices
import Foundation

extension Views {
    /// The document template `documents/<template>` with `context`, printed to PDF bytes.
    func printed(_ template: String, _ context: [String: Any], printer: any PDFPrinter) async throws -> Data {
        guard let html = library.render(Self.withoutNils(context), withTemplate: "documents/" + template) else {
            throw ViewError.unknownTemplate("documents/" + template)
        }
        return try await printer.pdf(html: html)
    }

    /// Prints a mediation agreement's documents (人民调解协议书, 司法确认申请书) with `printer`.
    func mediationDocuments(printer: any PDFPrinter) -> MediationDocumentPrinter {
        { kind, document in
            try await printed(kind.template, MediationDocumentContext.context(document), printer: printer)
        }
    }
}
