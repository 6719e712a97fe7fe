/// Excel column letters (A, B, …, Z, AA, …, XFD) and cell references ("C7") for messages.
public enum SheetColumn {
    /// Excel's last column, XFD, as a 0-based index.
    public static let maxExcelIndex = 16_383

    /// Letters for a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". A negative index gives "".
    public static func letters(forIndex index: Int) -> String {
        guard index >= 0 else { return "" }
        var scalars: [Unicode.Scalar] = []
        var remaining = index + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + digit)))
            remaining = (remaining - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// The 0-based index for column letters ("A" → 0, "aa" → 26), or nil when they are not 1–3 letters
    /// naming a column up to XFD.
    public static func index(forLetters letters: some StringProtocol) -> Int? {
        guard !letters.isEmpty, letters.utf8.count <= 3 else { return nil }
        var value = 0
        for byte in letters.utf8 {
            let upper = byte & ~0x20
            guard upper >= 65, upper <= 90 else { return nil }
            value = value * 26 + Int(upper - 64)
        }
        let index = value - 1
        return index <= maxExcelIndex ? index : nil
    }

    /// A cell reference such as "C7" for a 1-based row and a 0-based column index.
    public static func reference(row: Int, columnIndex: Int) -> String {
        letters(forIndex: columnIndex) + String(row)
    }
}
