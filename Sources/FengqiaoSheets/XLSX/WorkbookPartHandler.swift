import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `xl/workbook.xml`: the sheets in tab order and whether dates count from 1904.
final class WorkbookPartHandler: NSObject, XMLPartHandler {
    /// One `<sheet>` entry.
    struct Sheet {
        var name: String
        var relationshipID: String
    }

    private(set) var sheets: [Sheet] = []
    private(set) var usesDate1904 = false
    let failure: SheetError? = nil

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        switch elementName.xmlLocalName {
        case "workbookPr":
            let value = attributeDict.xmlAttribute("date1904")?.lowercased()
            usesDate1904 = value == "1" || value == "true"
        case "sheet":
            guard let name = attributeDict.xmlAttribute("name"), let id = attributeDict.xmlAttribute("id") else {
                return
            }
            sheets.append(Sheet(name: name, relationshipID: id))
        default:
            break
        }
    }
}
