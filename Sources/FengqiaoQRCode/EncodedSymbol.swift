import CQRencode

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The modules libqrencode produced for some bytes: the C side of ``QRCode``, kept apart so that every
/// C object is freed in one place on every path.
struct EncodedSymbol {
    /// ECI assignment number for UTF-8 (AIM ECI, used by ISO/IEC 18004).
    static let utf8ECI: UInt32 = 26

    let size: Int
    let version: Int
    /// Row-major, true for a dark module.
    let modules: [Bool]

    /// Encodes `bytes` in 8-bit mode at the smallest version that fits.
    ///
    /// Text with any non-ASCII byte starts with an ECI header naming UTF-8. Without it, byte mode has no
    /// declared character set and readers guess: zbar reads a long Chinese payload as Shift-JIS.
    init(bytes: [UInt8], correction: QRCode.Correction) throws(QRCodeError) {
        func failure(_ code: Int32) -> QRCodeError {
            code == ERANGE ? .textTooLong(byteCount: bytes.count, correction: correction) : .encodingFailed(errno: code)
        }

        errno = 0
        guard let input = QRinput_new2(0, correction.level) else { throw failure(errno) }
        defer { QRinput_free(input) }

        if bytes.contains(where: { $0 >= 0x80 }) {
            guard QRinput_appendECIheader(input, Self.utf8ECI) == 0 else { throw failure(errno) }
        }
        let appended = bytes.withUnsafeBufferPointer { buffer in
            QRinput_append(input, QR_MODE_8, Int32(buffer.count), buffer.baseAddress)
        }
        guard appended == 0 else { throw failure(errno) }

        errno = 0
        guard let symbol = QRcode_encodeInput(input) else { throw failure(errno) }
        defer { QRcode_free(symbol) }

        let width = Int(symbol.pointee.width)
        guard width > 0, let data = symbol.pointee.data else { throw .encodingFailed(errno: errno) }
        // libqrencode sets bit 0 of each byte for a dark module; the other bits describe its role.
        self.modules = UnsafeBufferPointer(start: data, count: width * width).map { $0 & 1 == 1 }
        self.size = width
        self.version = Int(symbol.pointee.version)
    }
}
