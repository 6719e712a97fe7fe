import Foundation

/// Amounts of money as people write them in forms and documents: yuan with at most two decimals,
/// kept as whole 分 so nothing is lost to floating point.
public enum MoneyText {
    /// The largest amount a form takes: 1亿元.
    public static let largestFen: Int64 = 10_000_000_000

    /// `12000`, `12,000.5`, `12000.50元` → 分; nil for anything else, negative or above `largest`.
    public static func fen(_ text: String, largest: Int64 = largestFen) -> Int64? {
        let plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "元", with: "").trimmingCharacters(in: .whitespaces)
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 15,
            whole.allSatisfy(\.isASCIIDigit), let yuan = Int64(whole)
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit), let value = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        let (total, overflow) = yuan.multipliedReportingOverflow(by: 100)
        guard !overflow, total + cents <= largest else { return nil }
        return total + cents
    }

    /// 分 as yuan with thousands separators and two decimals: `1200050` → `12,000.50`.
    public static func yuan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let whole = String(magnitude / 100)
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = magnitude % 100
        return "\(sign)\(grouped).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// 分 as plain yuan with two decimals, for data files and forms: `1200050` → `12000.50`.
    public static func plain(_ fen: Int64) -> String {
        let cents = fen.magnitude % 100
        return "\(fen < 0 ? "-" : "")\(fen.magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
