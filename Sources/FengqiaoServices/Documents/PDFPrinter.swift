import Foundation

/// Turns a complete, self-contained HTML document (styles inline, no outside resources) into PDF bytes.
/// Documents such as 人民调解协议书 and 答复意见书 are Mustache templates rendered by the web layer and
/// printed here; tests read the PDFs back with `pdftotext`.
public protocol PDFPrinter: Sendable {
    func pdf(html: String) async throws -> Data
}
