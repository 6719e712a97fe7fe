import Foundation

/// Looks at the prolog of an XML document (what precedes the root element) for a document type declaration.
///
/// A DOCTYPE may only appear there, so scanning the XML declaration, processing instructions, comments and
/// whitespace up to the first element is enough; the (possibly 100 MB) rest is never searched.
enum XMLProlog {
    static func declaresDocumentType(_ data: Data) -> Bool {
        var bytes = data[...]
        while true {
            bytes = bytes.drop(while: isSkippable)
            if bytes.starts(with: Array("<?".utf8)) {
                guard let end = bytes.firstRange(of: Array("?>".utf8)) else { return false }
                bytes = bytes[end.upperBound...]
            } else if bytes.starts(with: Array("<!--".utf8)) {
                guard let end = bytes.firstRange(of: Array("-->".utf8)) else { return false }
                bytes = bytes[end.upperBound...]
            } else {
                return bytes.starts(with: Array("<!".utf8))
            }
        }
    }

    /// XML whitespace, and the bytes of a UTF-8 byte-order mark.
    private static func isSkippable(_ byte: UInt8) -> Bool {
        [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains(byte)
    }
}
