import Foundation
import XCTest

@testable import FengqiaoSheets

final class CSVWriterTests: XCTestCase {
    func testBOMCRLFAndQuotingOnlyWhenNeeded() {
        let data = CSVWriter().write(header: ["姓名", "备注"], rows: [["张三", "a,b"], ["李四", "说\"好\"\n换行"]])
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text, "姓名,备注\r\n张三,\"a,b\"\r\n李四,\"说\"\"好\"\"\n换行\"\r\n")
    }

    func testFormulaInjectionIsNeutralised() {
        let cells = [
            "=1+1", "+SUM(A1)", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "\tx", "\rx", "-5", "+8613800138000", "-0.5",
            "a=b",
        ]
        let data = CSVWriter(includesBOM: false).write(header: cells, rows: [])
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(
            text,
            "'=1+1,'+SUM(A1),'-2+3+cmd|' /C calc'!A0,'@SUM(1),'\tx,\"'\rx\",-5,+8613800138000,-0.5,a=b\r\n")
    }

    func testWrittenCSVReadsBackThroughTheReader() throws {
        let header = ["身份证号", "电话", "备注"]
        let rows = [["11010519491231002X", "0012", "多\r\n行"], ["110105199001011234", "13800138000", "引号\"和,逗号"]]
        let table = try SheetReader.read(data: CSVWriter().write(header: header, rows: rows), filename: "导出.csv")
        XCTAssertEqual(table.header, header)
        XCTAssertEqual(table.rows.map(\.cells), rows)
    }
}
