/// Why a ``QRCode`` could not be made.
public enum QRCodeError: Error, Sendable, Hashable {
    /// There was nothing to encode.
    case emptyText
    /// The text's UTF-8 form is longer than the largest symbol (version 40) holds at that correction level;
    /// see ``QRCode/Correction/maximumByteCount``.
    case textTooLong(byteCount: Int, correction: QRCode.Correction)
    /// libqrencode failed for another reason; `errno` is what it reported (ENOMEM, EINVAL).
    case encodingFailed(errno: Int32)
}

extension QRCodeError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .emptyText:
            "QR code: the text is empty"
        case .textTooLong(let byteCount, let correction):
            "QR code: the text is \(byteCount) bytes of UTF-8; "
                + "at most \(correction.maximumByteCount) fit at \(correction) correction"
        case .encodingFailed(let errno):
            "QR code: libqrencode failed (errno \(errno))"
        }
    }
}
