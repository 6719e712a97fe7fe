import FengqiaoServices
import Foundation
import Hummingbird

extension Views {
    /// Prints the document template `documents/<template>` (a whole HTML page that includes the
    /// `documents/style` partial) with `context` as a PDF download named `fileName`.
    func document(
        _ template: String, _ context: [String: Any], fileName: String, printer: any PDFPrinter
    ) async throws -> Response {
        guard let html = library.render(Self.withoutNils(context), withTemplate: "documents/" + template) else {
            throw ViewError.unknownTemplate("documents/" + template)
        }
        let pdf = try await printer.pdf(html: html)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/pdf",
                .contentDisposition: ContentDisposition.attachment(filename: fileName),
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: pdf))
        )
    }
}
