/// Part paths inside an Office package (OPC): resolving relationship targets and finding `.rels` parts.
enum OPCPartPath {
    /// The part a relationship target points to, relative to the part that owns the relationship:
    /// ("xl/workbook.xml", "worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml"; "/xl/x.xml" is absolute;
    /// "." and ".." segments are resolved (never above the package root).
    static func resolve(_ target: String, from source: String) -> String {
        let absolute = target.hasPrefix("/")
        var segments = absolute ? [] : directorySegments(of: source)
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(String(segment))
            }
        }
        return segments.joined(separator: "/")
    }

    /// The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
    static func relationships(of part: String) -> String {
        let segments = part.split(separator: "/").map(String.init)
        let name = segments.last ?? ""
        return (directorySegments(of: part) + ["_rels", name + ".rels"]).joined(separator: "/")
    }

    private static func directorySegments(of part: String) -> [String] {
        Array(part.split(separator: "/", omittingEmptySubsequences: true).dropLast().map(String.init))
    }
}
