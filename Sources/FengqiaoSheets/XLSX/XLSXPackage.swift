import Foundation

/// The parts of one `.xlsx` that reading needs, extracted under the zip-bomb budget.
struct XLSXPackage {
    /// A worksheet listed in the workbook, with the path of its part.
    struct SheetReference {
        var name: String
        var path: String
        var isWorksheet: Bool
    }

    private let archive: ZipArchiveReader
    private var inflater: ZipEntryInflater
    let workbookPath: String
    let workbookRelationships: RelationshipsPartHandler

    init(data: Data, limits: SheetLimits) throws(SheetError) {
        archive = try ZipArchiveReader(data: data)
        inflater = ZipEntryInflater(archive: archive, maxUncompressedBytes: limits.maxUncompressedBytes)
        var workbook = "xl/workbook.xml"
        if archive.entry(at: "_rels/.rels") != nil {
            let root = RelationshipsPartHandler()
            try Self.parse(&inflater, archive, "_rels/.rels", root)
            if let office = root.first(ofTypeSuffix: "officeDocument"),
                archive.entry(at: OPCPartPath.resolve(office.target, from: "")) != nil
            {
                workbook = OPCPartPath.resolve(office.target, from: "")
            }
        }
        guard archive.entry(at: workbook) != nil else {
            throw .malformedXLSX(reason: "缺少 xl/workbook.xml，这不是 Excel 工作簿")
        }
        workbookPath = workbook
        let relationships = RelationshipsPartHandler()
        try Self.parse(&inflater, archive, OPCPartPath.relationships(of: workbook), relationships)
        workbookRelationships = relationships
    }

    /// Parses the part at `path` with `handler`; a missing part is a ``SheetError/malformedXLSX(reason:)``.
    mutating func parse(_ path: String, with handler: some XMLPartHandler) throws(SheetError) {
        try Self.parse(&inflater, archive, path, handler)
    }

    /// Parses the workbook part's relationship target of type `suffix` (e.g. "sharedStrings") if there is one.
    /// Returns whether it was found.
    mutating func parseRelated(
        typeSuffix suffix: String, with handler: some XMLPartHandler
    ) throws(SheetError) -> Bool {
        guard let relationship = workbookRelationships.first(ofTypeSuffix: suffix) else { return false }
        let path = OPCPartPath.resolve(relationship.target, from: workbookPath)
        guard archive.entry(at: path) != nil else { return false }
        try parse(path, with: handler)
        return true
    }

    /// The workbook's sheets in tab order, and whether its dates count from 1904.
    mutating func sheets() throws(SheetError) -> (sheets: [SheetReference], uses1904: Bool) {
        let workbook = WorkbookPartHandler()
        try parse(workbookPath, with: workbook)
        let sheets = workbook.sheets.compactMap { sheet -> SheetReference? in
            guard let relationship = workbookRelationships.relationship(id: sheet.relationshipID) else { return nil }
            return SheetReference(
                name: sheet.name, path: OPCPartPath.resolve(relationship.target, from: workbookPath),
                isWorksheet: relationship.type.hasSuffix("/worksheet"))
        }
        return (sheets, workbook.usesDate1904)
    }

    private static func parse(
        _ inflater: inout ZipEntryInflater, _ archive: ZipArchiveReader, _ path: String,
        _ handler: some XMLPartHandler
    ) throws(SheetError) {
        guard let entry = archive.entry(at: path) else { throw .malformedXLSX(reason: "缺少“\(path)”") }
        let data = try inflater.contents(of: entry)
        try XMLPartParser.parse(data, path: path, handler: handler)
    }
}
