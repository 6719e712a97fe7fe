/// Neutralises CSV ("formula") injection: text that Excel or WPS would run as a formula when opening a CSV.
///
/// A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe (OWASP's advice), so
/// `=HYPERLINK(...)` is shown as text. Plain numbers such as `-5`, `+8613800138000` or `-0.5` are left alone:
/// they cannot be formulas and phone numbers with `+86` must stay readable. The apostrophe is visible when the
/// CSV is opened in Excel; that is the accepted price. XLSX needs no such guard: ``XLSXWriter`` writes inline
/// strings, which Excel never evaluates.
enum CSVFormulaGuard {
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D:
            return "'" + cell
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return isPlainNumber(cell.utf8.dropFirst()) ? cell : "'" + cell
        default:
            return cell
        }
    }

    /// Digits with at most one decimal point and at least one digit, nothing else.
    private static func isPlainNumber(_ bytes: Substring.UTF8View) -> Bool {
        var digits = 0
        var points = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
