import Foundation
import XCTest

@testable import FengqiaoSheets

/// Files written by other tools (see Fixtures/make_fixtures.py).
final class XLSXFixtureTests: XCTestCase {
    func testOpenpyxlWorkbook() throws {
        let data = try Fixture.data("openpyxl_residents.xlsx")
        let table = try SheetReader.read(data: data, filename: "openpyxl_residents.xlsx")
        XCTAssertEqual(table.header, ["姓名", "身份证号", "", "电话", "出生日期", "面积", "党员", "合计", "备注"])
        XCTAssertEqual(
            table.rows.map(\.cells),
            [
                ["张三", "11010519491231002X", "", "13800138000", "1949-12-31", "3", "TRUE", "", "0012"],
                ["李四", "110105199001011234", "", "13900139000", "1990-01-01", "85.5", "FALSE", "", ""],
                ["重点关注对象", "", "", "", "", "", "", "", "备注 有空格 "],
            ])
        XCTAssertEqual(table.rows.map(\.number), [2, 3, 4])
        XCTAssertEqual(try XLSXReader().sheetNames(in: data), ["居民", "统计"])
        let second = try SheetReader.read(data: data, filename: "x.xlsx", sheetName: "统计")
        XCTAssertEqual(second.header, ["社区", "户数"])
        XCTAssertEqual(second.rows.map(\.cells), [["枫桥社区", "1280"]])
    }

    func testXlsxWriterWorkbookWithSharedStrings() throws {
        let data = try Fixture.data("xlsxwriter_residents.xlsx")
        let table = try SheetReader.read(data: data, filename: "xlsxwriter_residents.XLSX")
        XCTAssertEqual(table.header, ["姓名", "电话", "", "身份证号", "出生日期", "合计"])
        XCTAssertEqual(
            table.rows.map(\.cells),
            [
                ["张三", "13800138000", "", "11010519491231002X", "1990-01-01", "2"],
                ["重点人员甲", "0012", "", "1.5", "", ""],
                ["张三", "", "", "", "", ""],
            ])
        XCTAssertEqual(table.rows.map(\.number), [2, 3, 4])
        let second = try XLSXReader().read(data, sheetName: "统计")
        XCTAssertEqual(second.rows.first?.cells, ["枫桥社区", "1280"])
    }

    func testHandmadeWorkbookWithPrefixesInlineStringsAndEscapes() throws {
        let data = try Fixture.data("handmade.xlsx")
        XCTAssertEqual(try XLSXReader().sheetNames(in: data), ["数据"], "the chart sheet is not a worksheet")
        let table = try XLSXReader().read(data)
        XCTAssertEqual(table.headerRowNumber, 2)
        XCTAssertEqual(table.header, ["姓名", "手机 号码", "生日", "", "登记时间", "比例", "说明"])
        XCTAssertEqual(
            table.rows.map(\.cells),
            [
                ["王五", "13800138000", "2024-05-01", "", "2024-05-01 12:00:00", "0.3", "第一行\r\n第二行 & <特殊>"],
                ["TRUE", "#N/A", "", "", "", "", ""],
            ])
        XCTAssertEqual(table.rows.map(\.number), [3, 5])
    }

    func testChartSheetCannotBeReadByName() {
        XCTAssertThrowsError(try XLSXReader().read(Fixture.data("handmade.xlsx"), sheetName: "图表")) { error in
            XCTAssertEqual(error as? SheetError, .sheetNotFound(name: "图表"))
        }
    }
}
