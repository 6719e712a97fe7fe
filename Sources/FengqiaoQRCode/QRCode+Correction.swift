import CQRencode

extension QRCode {
    /// Error-correction level: how much of a printed symbol may be smudged, torn or covered and still read.
    /// Higher levels make the symbol larger for the same text.
    public enum Correction: Sendable, Hashable, CaseIterable {
        /// About 7 % of the codewords can be restored.
        case low
        /// About 15 %; the usual choice for screens and clean prints.
        case medium
        /// About 25 %.
        case quartile
        /// About 30 %; for cards that are handled, laminated or posted outdoors.
        case high

        /// The most bytes a version 40 symbol holds in 8-bit mode at this level (ISO/IEC 18004, table 7).
        /// Text with non-ASCII characters fits one byte fewer, as its UTF-8 ECI header takes 12 bits.
        public var maximumByteCount: Int {
            switch self {
            case .low: 2953
            case .medium: 2331
            case .quartile: 1663
            case .high: 1273
            }
        }

        var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }
}
