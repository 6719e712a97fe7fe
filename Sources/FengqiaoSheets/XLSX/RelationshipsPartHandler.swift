import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a `.rels` part: relationship id → type and target.
final class RelationshipsPartHandler: NSObject, XMLPartHandler {
    /// One `<Relationship>`.
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    private(set) var relationships: [Relationship] = []
    let failure: SheetError? = nil

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard elementName.xmlLocalName == "Relationship",
            attributeDict.xmlAttribute("TargetMode")?.lowercased() != "external",
            let id = attributeDict.xmlAttribute("Id"), let target = attributeDict.xmlAttribute("Target")
        else { return }
        relationships.append(Relationship(id: id, type: attributeDict.xmlAttribute("Type") ?? "", target: target))
    }

    /// The first relationship whose type ends with `/suffix` (transitional and strict OOXML differ in the
    /// namespace but not in the last segment).
    func first(ofTypeSuffix suffix: String) -> Relationship? {
        relationships.first { $0.type.hasSuffix("/" + suffix) }
    }

    func relationship(id: String) -> Relationship? {
        relationships.first { $0.id == id }
    }
}
