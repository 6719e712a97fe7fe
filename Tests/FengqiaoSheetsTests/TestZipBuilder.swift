import Foundation

/// Builds small zips with stored (uncompressed) entries, so tests can craft hostile or unusual packages.
struct TestZipBuilder {
    private var entries: [(name: String, data: [UInt8], method: UInt16)] = []

    mutating func add(_ name: String, _ text: String) {
        entries.append((name, Array(text.utf8), 0))
    }

    /// Adds an entry marked as deflated whose data is `bytes` as given (valid deflate or not).
    mutating func addDeflated(_ name: String, rawBytes bytes: [UInt8]) {
        entries.append((name, bytes, 8))
    }

    /// A workbook with one sheet whose XML is `sheetXML`, plus optional shared strings.
    static func workbook(sheetXML: String, sharedStringsXML: String? = nil) -> Data {
        var zip = TestZipBuilder()
        zip.add(
            "[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        zip.add("_rels/.rels", Self.relationships([("officeDocument", "xl/workbook.xml")]))
        zip.add(
            "xl/workbook.xml",
            #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                + #"<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        )
        var relationships = [("worksheet", "worksheets/sheet1.xml")]
        if sharedStringsXML != nil { relationships.append(("sharedStrings", "sharedStrings.xml")) }
        zip.add("xl/_rels/workbook.xml.rels", Self.relationships(relationships))
        zip.add("xl/worksheets/sheet1.xml", sheetXML)
        if let sharedStringsXML { zip.add("xl/sharedStrings.xml", sharedStringsXML) }
        return zip.data
    }

    static func sheet(_ rows: String) -> String {
        #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + rows
            + "</sheetData></worksheet>"
    }

    private static func relationships(_ items: [(type: String, target: String)]) -> String {
        var xml = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for (index, item) in items.enumerated() {
            let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + item.type
            xml += #"<Relationship Id="rId\#(index + 1)" Type="\#(type)" Target="\#(item.target)"/>"#
        }
        return xml + "</Relationships>"
    }

    var data: Data {
        var output: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = Self.crc32(entry.data)
            let offset = UInt32(output.count)
            output += Self.le32(0x0403_4B50) + Self.le16(20) + Self.le16(0) + Self.le16(entry.method) + Self.le32(0)
            output += Self.le32(crc) + Self.le32(UInt32(entry.data.count)) + Self.le32(UInt32(entry.data.count))
            output += Self.le16(UInt16(name.count)) + Self.le16(0) + name + entry.data
            central += Self.le32(0x0201_4B50) + Self.le16(20) + Self.le16(20) + Self.le16(0) + Self.le16(entry.method)
            central += Self.le32(0) + Self.le32(crc) + Self.le32(UInt32(entry.data.count))
            central += Self.le32(UInt32(entry.data.count)) + Self.le16(UInt16(name.count)) + Self.le16(0)
            central += Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le32(0) + Self.le32(offset) + name
        }
        let centralOffset = UInt32(output.count)
        output += central
        output += Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(UInt16(entries.count))
        output += Self.le16(UInt16(entries.count)) + Self.le32(UInt32(central.count)) + Self.le32(centralOffset)
        output += Self.le16(0)
        return Data(output)
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
