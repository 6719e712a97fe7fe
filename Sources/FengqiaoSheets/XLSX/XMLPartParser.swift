import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An `XMLParserDelegate` for one part of a workbook that can report its own failure.
///
/// Each handler is a `final class` conforming directly (not a subclass of a shared base): on Linux the
/// delegate methods are protocol requirements with default implementations, so overrides in a subclass of a
/// conforming base would never be called.
protocol XMLPartHandler: XMLParserDelegate {
    /// Set by the handler (which then aborts the parser) when the content, not the XML, is wrong.
    var failure: SheetError? { get }
}

/// Runs Foundation's `XMLParser` over a part with the guards hostile files need.
enum XMLPartParser {
    /// Parses `data` (the part at `path`) with `handler`.
    ///
    /// Parts with a DOCTYPE are refused before parsing: OOXML never has one, and refusing it rules out
    /// entity-expansion ("billion laughs") and external-entity attacks whatever the XML library's defaults.
    /// Parts not in UTF-8 (a UTF-16 BOM or NUL bytes up front) are refused for the same reason: the DOCTYPE
    /// check looks at UTF-8 bytes.
    static func parse(_ data: Data, path: String, handler: some XMLPartHandler) throws(SheetError) {
        let head = [UInt8](data.prefix(4))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.contains(0) {
            throw .malformedXLSX(reason: "“\(path)”不是 UTF-8 编码的 XML")
        }
        if XMLProlog.declaresDocumentType(data) {
            throw .malformedXLSX(reason: "“\(path)”含有不允许的 DOCTYPE 声明")
        }
        // Stream mode feeds libxml2 in chunks: given one ~100 MB chunk it stops with "huge input lookup".
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let finished = parser.parse()
        if let failure = handler.failure { throw failure }
        // On Linux `parse()` returns true for some errors (a missing end tag), so `parserError` is checked too.
        guard finished, parser.parserError == nil, !data.isEmpty else {
            throw .malformedXLSX(reason: "“\(path)”不是有效的 XML")
        }
    }
}

extension String {
    /// The local part of a qualified XML name: "x:row" → "row".
    var xmlLocalName: Substring {
        guard let colon = lastIndex(of: ":") else { return self[...] }
        return self[index(after: colon)...]
    }
}

extension Dictionary where Key == String, Value == String {
    /// The value of the attribute whose local name is `name`, whatever its prefix ("r:id" for "id").
    func xmlAttribute(_ name: String) -> String? {
        if let value = self[name] { return value }
        return first { $0.key.xmlLocalName == name }?.value
    }
}
