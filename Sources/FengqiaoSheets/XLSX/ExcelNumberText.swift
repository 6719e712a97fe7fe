/// Renders the text of a numeric cell (`<v>` of a `t="n"` cell) the way a person expects to see it.
///
/// Works on the decimal digits, never through `Double`, so nothing is lost: `13800138000` and
/// `1.3800138E10` both give `13800138000`, `3.0` gives `3`, `1E-3` gives `0.001`. Values with a fractional
/// part are rounded to 15 significant digits as Excel displays them (`0.30000000000000004` → `0.3`);
/// integers are kept digit for digit (openpyxl and others store exact 18-digit integers; Excel itself would
/// already have rounded them to 15 digits when saving, which cannot be undone). Text that is not a plain
/// decimal number, or whose exponent is beyond ±40, is returned unchanged.
enum ExcelNumberText {
    private static let significantDigits = 15
    private static let maxExponent = 40

    static func display(_ raw: String) -> String {
        guard var number = ParsedNumber(raw.trimmingSheetWhitespace()) else { return raw }
        number.trimLeadingZeros()
        guard !number.digits.isEmpty else { return "0" }
        if number.pointPosition < number.digits.count, number.digits.count > significantDigits {
            number.round(toSignificantDigits: significantDigits)
        }
        return number.plainText
    }

    /// Sign, digits and the position of the decimal point within them (may be < 0 or > count).
    private struct ParsedNumber {
        var negative = false
        var digits: [UInt8] = []
        var pointPosition = 0

        init?(_ text: String) {
            var bytes = Substring(text).utf8[...]
            if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                negative = first == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            var sawPoint = false
            var sawDigit = false
            while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if byte == UInt8(ascii: "."), !sawPoint {
                    sawPoint = true
                } else if let digit = Self.digit(byte) {
                    digits.append(digit)
                    sawDigit = true
                    if !sawPoint { pointPosition += 1 }
                } else {
                    return nil
                }
            }
            guard sawDigit else { return nil }
            if !bytes.isEmpty {
                guard let exponent = Self.exponent(bytes.dropFirst()) else { return nil }
                pointPosition += exponent
            }
        }

        private static func digit(_ byte: UInt8) -> UInt8? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : nil
        }

        private static func exponent(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
            var bytes = bytes
            var sign = 1
            if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                sign = first == UInt8(ascii: "-") ? -1 : 1
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty, bytes.count <= 3 else { return nil }
            var value = 0
            for byte in bytes {
                guard let digit = digit(byte) else { return nil }
                value = value * 10 + Int(digit)
            }
            return value <= ExcelNumberText.maxExponent ? sign * value : nil
        }

        /// Drops leading and trailing zeros without changing the value.
        mutating func trimLeadingZeros() {
            while let first = digits.first, first == 0 {
                digits.removeFirst()
                pointPosition -= 1
            }
            while let last = digits.last, last == 0, digits.count > max(pointPosition, 0) {
                digits.removeLast()
            }
            if digits.isEmpty { pointPosition = 0 }
        }

        /// Rounds half away from zero to `count` significant digits.
        mutating func round(toSignificantDigits count: Int) {
            guard digits.count > count, count > 0 else { return }
            let roundUp = digits[count] >= 5
            digits.removeLast(digits.count - count)
            if roundUp {
                var index = count - 1
                while index >= 0 {
                    if digits[index] < 9 {
                        digits[index] += 1
                        break
                    }
                    digits[index] = 0
                    index -= 1
                }
                if index < 0 {
                    digits.insert(1, at: 0)
                    pointPosition += 1
                }
            }
            trimLeadingZeros()
        }

        var plainText: String {
            guard !digits.isEmpty else { return "0" }
            let text: String
            if pointPosition <= 0 {
                text = "0." + String(repeating: "0", count: -pointPosition) + Self.string(digits[...])
            } else if pointPosition >= digits.count {
                text = Self.string(digits[...]) + String(repeating: "0", count: pointPosition - digits.count)
            } else {
                text = Self.string(digits[..<pointPosition]) + "." + Self.string(digits[pointPosition...])
            }
            return negative ? "-" + text : text
        }

        private static func string(_ digits: ArraySlice<UInt8>) -> String {
            String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        }
    }
}
