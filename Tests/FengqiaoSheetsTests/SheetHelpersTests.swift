import Foundation
import XCTest

@testable import FengqiaoSheets

/// Column letters, number and date rendering, escapes, sheet names, display widths.
final class SheetHelpersTests: XCTestCase {
    func testColumnLetters() {
        let pairs = [
            (0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"),
            (16_383, "XFD"),
        ]
        for (index, letters) in pairs {
            XCTAssertEqual(SheetColumn.letters(forIndex: index), letters)
            XCTAssertEqual(SheetColumn.index(forLetters: letters), index)
        }
        XCTAssertEqual(SheetColumn.index(forLetters: "ab"), 27)
        XCTAssertNil(SheetColumn.index(forLetters: "XFE"))
        XCTAssertNil(SheetColumn.index(forLetters: "AAAA"))
        XCTAssertNil(SheetColumn.index(forLetters: "A1"))
        XCTAssertNil(SheetColumn.index(forLetters: ""))
        XCTAssertEqual(SheetColumn.letters(forIndex: -1), "")
        XCTAssertEqual(SheetColumn.reference(row: 7, columnIndex: 2), "C7")
    }

    func testNumberText() {
        let cases = [
            ("13800138000", "13800138000"), ("1.3800138E10", "13800138000"), ("1.3800138e+10", "13800138000"),
            ("13800138000.0", "13800138000"), ("3.0", "3"), ("3", "3"), ("-2.5E2", "-250"), ("1E-3", "0.001"),
            ("0.30000000000000004", "0.3"), ("45123.999999999993", "45124"), ("0.1", "0.1"), ("-0", "0"),
            ("0", "0"), ("110105199001011234", "110105199001011234"), ("1.10105199001011E+17", "110105199001011000"),
            ("123456789012345.67", "123456789012346"), (".5", "0.5"), ("0.99999999999999999", "1"),
            ("1E400", "1E400"), ("abc", "abc"), ("", ""), ("1.2.3", "1.2.3"), ("1e", "1e"),
        ]
        for (raw, expected) in cases {
            XCTAssertEqual(ExcelNumberText.display(raw), expected, raw)
        }
    }

    func testDates() {
        XCTAssertEqual(ExcelDate.text(serial: 1, kind: .date, uses1904: false), "1900-01-01")
        XCTAssertEqual(ExcelDate.text(serial: 59, kind: .date, uses1904: false), "1900-02-28")
        XCTAssertEqual(ExcelDate.text(serial: 60, kind: .date, uses1904: false), "1900-02-29")
        XCTAssertEqual(ExcelDate.text(serial: 61, kind: .date, uses1904: false), "1900-03-01")
        XCTAssertEqual(ExcelDate.text(serial: 18_263, kind: .date, uses1904: false), "1949-12-31")
        XCTAssertEqual(ExcelDate.text(serial: 45_413.75, kind: .dateTime, uses1904: false), "2024-05-01 18:00:00")
        XCTAssertEqual(ExcelDate.text(serial: 0.5, kind: .time, uses1904: false), "12:00:00")
        XCTAssertEqual(ExcelDate.text(serial: 0.999_999_9, kind: .dateTime, uses1904: false), "1900-01-01 00:00:00")
        XCTAssertEqual(ExcelDate.text(serial: 0, kind: .date, uses1904: true), "1904-01-01")
        XCTAssertEqual(ExcelDate.text(serial: 2_958_465, kind: .date, uses1904: false), "9999-12-31")
        XCTAssertNil(ExcelDate.text(serial: -1, kind: .date, uses1904: false))
        XCTAssertNil(ExcelDate.text(serial: .infinity, kind: .date, uses1904: false))
        XCTAssertNil(ExcelDate.text(serial: 0, kind: .date, uses1904: false))
    }

    func testDateFormatDetection() {
        XCTAssertEqual(ExcelDateFormat.kind(numberFormatID: 14, code: nil), .date)
        XCTAssertEqual(ExcelDateFormat.kind(numberFormatID: 22, code: nil), .dateTime)
        XCTAssertEqual(ExcelDateFormat.kind(numberFormatID: 21, code: nil), .time)
        XCTAssertEqual(ExcelDateFormat.kind(numberFormatID: 31, code: nil), .date)
        XCTAssertNil(ExcelDateFormat.kind(numberFormatID: 0, code: nil))
        XCTAssertNil(ExcelDateFormat.kind(numberFormatID: 49, code: nil))
        XCTAssertEqual(ExcelDateFormat.kind(code: #"yyyy"年"m"月"d"日""#), .date)
        XCTAssertEqual(ExcelDateFormat.kind(code: "yyyy/m/d h:mm"), .dateTime)
        XCTAssertEqual(ExcelDateFormat.kind(code: "[$-804]yyyy-mm-dd;@"), .date)
        XCTAssertEqual(ExcelDateFormat.kind(code: "[h]:mm:ss"), .time)
        XCTAssertEqual(ExcelDateFormat.kind(code: "h:mm AM/PM"), .time)
        XCTAssertNil(ExcelDateFormat.kind(code: "General"))
        XCTAssertNil(ExcelDateFormat.kind(code: "0.00E+00"))
        XCTAssertNil(ExcelDateFormat.kind(code: #"#,##0.00"元";[Red]-#,##0.00"#))
        XCTAssertNil(ExcelDateFormat.kind(code: #"0_);\(0\)"#))
        XCTAssertNil(ExcelDateFormat.kind(code: "@"))
    }

    func testOOXMLEscapes() {
        XCTAssertEqual(OOXMLEscapes.decode("a_x000D_b_x005F_x0041_"), "a\rb_x0041_")
        XCTAssertEqual(OOXMLEscapes.decode("_xD800_ _x12_ _xZZZZ_"), "_xD800_ _x12_ _xZZZZ_")
        XCTAssertEqual(OOXMLEscapes.encode("_x0041_ and _x"), "_x005F_x0041_ and _x")
        XCTAssertEqual(OOXMLEscapes.decode(OOXMLEscapes.encode("_x0041__x005F_")), "_x0041__x005F_")
    }

    func testSheetNames() {
        XCTAssertEqual(XLSXSheetName.sanitised("a/b\\c[d]e:f*g?h", avoiding: []), "a_b_c_d_e_f_g_h")
        XCTAssertEqual(XLSXSheetName.sanitised("'引号'", avoiding: []), "引号")
        XCTAssertEqual(XLSXSheetName.sanitised("History", avoiding: []), "History_")
        XCTAssertEqual(XLSXSheetName.sanitised(" \n ", avoiding: []), "Sheet")
        XCTAssertEqual(XLSXSheetName.sanitised("名单", avoiding: ["名单"]), "名单 (2)")
        XCTAssertEqual(XLSXSheetName.sanitised(String(repeating: "x", count: 40), avoiding: []).count, 31)
        let long = XLSXSheetName.sanitised(
            String(repeating: "x", count: 40), avoiding: [String(repeating: "x", count: 31)])
        XCTAssertEqual(long, String(repeating: "x", count: 27) + " (2)")
        XCTAssertEqual(XLSXSheetName.sanitised(String(repeating: "😀", count: 20), avoiding: []).utf16.count, 30)
    }

    func testDisplayWidthAndXMLText() {
        XCTAssertEqual(TextDisplayWidth.of("abc"), 3)
        XCTAssertEqual(TextDisplayWidth.of("张三"), 4)
        XCTAssertEqual(TextDisplayWidth.of("ＡＢ"), 4)
        XCTAssertEqual(TextDisplayWidth.of("长长长\nab"), 6)
        XCTAssertEqual(XMLText.content("a<b>&\"\r\n\t\u{0}"), "a&lt;b&gt;&amp;\"&#13;\n\t")
        XCTAssertEqual(XMLText.attribute("\"a\"\n"), "&quot;a&quot;&#10;")
    }
}
