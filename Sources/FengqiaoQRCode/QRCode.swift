/// A QR code symbol: a square grid of dark and light modules, encoded by Debian's libqrencode.
///
/// The text is encoded as its UTF-8 bytes in 8-bit (byte) mode, so URLs, `otpauth://` enrolment links
/// and Chinese text all read back byte for byte; text with non-ASCII characters also carries an ECI header
/// that names UTF-8, so readers do not have to guess the character set. The smallest version (symbol size)
/// that holds the text at the chosen error-correction level is picked. The C symbol is copied into Swift
/// storage and freed at once, so a `QRCode` is a plain value that can be shared across tasks.
///
/// ```swift
/// let code = try QRCode(text: "http://127.0.0.1:8080/report?grid=150207001001001")
/// let markup = code.svg()        // inline in an HTML page or a printed contact card
/// ```
public struct QRCode: Sendable, Hashable {
    /// Modules per side, without the quiet zone (21 for version 1, up to 177 for version 40).
    public let size: Int

    /// The QR code version (1...40) that libqrencode chose for the text.
    public let version: Int

    /// The error-correction level the symbol was encoded with.
    public let correction: Correction

    /// Row-major: `modules[row * size + column]` is true for a dark module.
    private let modules: [Bool]

    /// Encodes `text` as UTF-8 in 8-bit mode at the smallest version that fits.
    ///
    /// - Throws: ``QRCodeError/emptyText`` for an empty string, ``QRCodeError/textTooLong(byteCount:correction:)``
    ///   when the text does not fit in a version 40 symbol at `correction`, and
    ///   ``QRCodeError/encodingFailed(errno:)`` when libqrencode fails for another reason (out of memory).
    public init(text: String, correction: Correction = .medium) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .emptyText }
        // Checked before the C call so that the byte count always fits its `int` parameter; libqrencode
        // itself rejects the last byte when the UTF-8 ECI header takes its room.
        guard bytes.count <= correction.maximumByteCount else {
            throw .textTooLong(byteCount: bytes.count, correction: correction)
        }

        let symbol = try EncodedSymbol(bytes: bytes, correction: correction)
        self.modules = symbol.modules
        self.size = symbol.size
        self.version = symbol.version
        self.correction = correction
    }

    /// Whether the module at `row`, `column` (both from 0, top left) is dark; false outside the symbol.
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }
}
