import Foundation

/// Decodes the bytes of a CSV into text, guessing the encoding the way Chinese users' files need.
///
/// Order: UTF-8 BOM → UTF-8; UTF-16 BOM → UTF-16; valid UTF-8 → UTF-8; otherwise GB18030, which is a
/// superset of GBK and GB2312 (what Chinese Excel and WPS write for "CSV (逗号分隔)"). Foundation on Linux has
/// no GBK or GB2312 converter but does have GB18030 (CFStringEncoding 0x0632); its decoder is strict, so bytes
/// that are not GB18030 either give ``SheetError/unknownEncoding`` instead of mojibake.
enum CSVTextDecoder {
    /// `kCFStringEncodingGB_18030_2000` as an NSStringEncoding (`0x80000000 | 0x0632`), the value
    /// `CFStringConvertEncodingToNSStringEncoding` returns on every platform; Linux lacks `CFStringEncodings`.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func decode(_ data: Data) throws(SheetError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: utf8BOM) {
            return try utf8(bytes.dropFirst(utf8BOM.count))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try foundation(Data(bytes.dropFirst(2)), .utf16LittleEndian)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try foundation(Data(bytes.dropFirst(2)), .utf16BigEndian)
        }
        // A NUL byte never appears in UTF-8 or GB18030 text: this is a binary file with a .csv name.
        guard !bytes.contains(0) else { throw .unsupportedFormat(.other(fileExtension: "")) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return try foundation(data, gb18030)
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>) throws(SheetError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .unknownEncoding }
        return text
    }

    private static func foundation(_ data: Data, _ encoding: String.Encoding) throws(SheetError) -> String {
        guard let text = String(data: data, encoding: encoding) else { throw .unknownEncoding }
        return text
    }
}
