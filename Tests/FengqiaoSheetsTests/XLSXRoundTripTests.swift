import Foundation
import XCTest

@testable import FengqiaoSheets

final class XLSXRoundTripTests: XCTestCase {
    private let header = ["姓名", "身份证号", "编号", "电话", "公式样", "备注"]
    private let rows = [
        ["张三", "11010519491231002X", "0012", "13800138000", "=1+1", "多行\n文本"],
        ["李四", "110105199001011234", "007", "+8613900139000", "@SUM(A1)", "  前后空格  "],
        ["王五", "", "1.50", "1E5", "-5", "特殊 & < > \" ' 字符 _x0041_ 保留"],
        ["赵六", "", "", "", "", "回车\r\n换行"],
    ]

    func testWriteThenReadGivesTheSameTable() throws {
        let data = try XLSXWriter.write(sheetName: "居民名单", header: header, rows: rows)
        XCTAssertEqual(Array(data.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
        let table = try SheetReader.read(data: data, filename: "居民名单.xlsx")
        XCTAssertEqual(table.header, header)
        XCTAssertEqual(table.rows.map(\.cells), rows)
        XCTAssertEqual(table.rows.map(\.number), [2, 3, 4, 5])
        XCTAssertEqual(try XLSXReader().sheetNames(in: data), ["居民名单"])
    }

    func testForbiddenXMLCharactersAreDropped() throws {
        let data = try XLSXWriter.write(sheetName: "S", header: ["a"], rows: [["x\u{0}y\u{1}z\u{B}\u{FFFF}!"]])
        let table = try XLSXReader().read(data)
        XCTAssertEqual(table.rows.first?.cells, ["xyz!"])
    }

    func testSeveralSheetsWithSanitisedAndUniqueNames() throws {
        let sheets = [
            XLSXSheet(name: "2024/05 [汇总]: *?", header: ["a"], rows: [["1"]]),
            XLSXSheet(name: "2024_05 _汇总__ __", header: ["b"], rows: [["2"]]),
            XLSXSheet(name: "", header: ["c"], rows: []),
            XLSXSheet(name: String(repeating: "很长的名字", count: 10), header: ["d"], rows: []),
        ]
        let data = try XLSXWriter.write(sheets)
        let names = try XLSXReader().sheetNames(in: data)
        XCTAssertEqual(
            names,
            [
                "2024_05 _汇总__ __", "2024_05 _汇总__ __ (2)", "Sheet",
                String(repeating: "很长的名字", count: 7).prefix(31).description,
            ])
        XCTAssertEqual(try XLSXReader().read(data, sheetName: names[1]).rows.first?.cells, ["2"])
        XCTAssertThrowsError(try XLSXReader().read(data, sheetName: "不存在")) { error in
            XCTAssertEqual(error as? SheetError, .sheetNotFound(name: "不存在"))
        }
    }

    func testColumnWidthsFrozenHeaderAndBoldStyleAreInTheXML() throws {
        let sheet = XLSXSheet(name: "S", header: ["姓名", "ID"], rows: [["欧阳娜娜娜娜", "1"]])
        let xml = XLSXWorksheetXML.build(sheet, isSelected: true)
        XCTAssertTrue(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        XCTAssertTrue(xml.contains(#"<col min="1" max="1" width="14" customWidth="1"/>"#), xml)
        XCTAssertTrue(xml.contains(#"<col min="2" max="2" width="6" customWidth="1"/>"#), xml)
        XCTAssertTrue(xml.contains(#"<c r="A1" s="1" t="inlineStr"><is><t>姓名</t></is></c>"#))
        XCTAssertTrue(xml.contains(#"<c r="A2" s="2" t="inlineStr">"#))
    }

    func testEmptyWorkbookStillOpens() throws {
        let data = try XLSXWriter.write([])
        XCTAssertEqual(try XLSXReader().sheetNames(in: data), ["Sheet1"])
        XCTAssertThrowsError(try XLSXReader().read(data)) { error in
            XCTAssertEqual(error as? SheetError, .empty)
        }
    }

    func testLargeExportRoundTrips() throws {
        let rows = (0..<5_000).map { ["居民\($0)", String(format: "1101051990%08d", $0), "138\($0)"] }
        let data = try XLSXWriter.write(sheetName: "大表", header: ["姓名", "身份证号", "电话"], rows: rows)
        let table = try XLSXReader().read(data)
        XCTAssertEqual(table.rows.count, 5_000)
        XCTAssertEqual(table.rows.last?.cells, rows.last)
        XCTAssertEqual(table.rows.last?.number, 5_001)
    }
}
