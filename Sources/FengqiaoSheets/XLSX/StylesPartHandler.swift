import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `xl/styles.xml` far enough to know which cell styles (`<c s="…">`) are date or time formats.
final class StylesPartHandler: NSObject, XMLPartHandler {
    let failure: SheetError? = nil
    private var customFormats: [Int: String] = [:]
    private var cellFormatIDs: [Int] = []
    private var inCellXfs = false

    /// For each cell style index, the date kind of its number format (nil: not a date).
    var dateKinds: [ExcelDateFormat.Kind?] {
        cellFormatIDs.map { ExcelDateFormat.kind(numberFormatID: $0, code: customFormats[$0]) }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        switch elementName.xmlLocalName {
        case "numFmt":
            if let id = attributeDict.xmlAttribute("numFmtId").flatMap({ Int($0) }),
                let code = attributeDict.xmlAttribute("formatCode")
            {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            cellFormatIDs.append(attributeDict.xmlAttribute("numFmtId").flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if elementName.xmlLocalName == "cellXfs" { inCellXfs = false }
    }
}
