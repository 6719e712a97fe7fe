import Foundation
import XCTest

@testable import FengqiaoSheets

/// Opens what ``XLSXWriter`` produces with openpyxl, an independent reader. Needs `python3` with `openpyxl`
/// (`python3 -m pip install openpyxl`); fails with that instruction when it is missing.
final class OpenpyxlInteropTests: XCTestCase {
    private static let script = """
        import json, sys
        try:
            import openpyxl
        except ImportError:
            print("OPENPYXL_MISSING")
            sys.exit(3)
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb.worksheets[0]
        print(json.dumps({
            "sheets": wb.sheetnames,
            "freeze": ws.freeze_panes,
            "bold": [c.font.b for c in ws[1]],
            "types": sorted({c.data_type for row in ws.iter_rows() for c in row if c.value is not None}),
            "values": [[c.value if c.value is not None else "" for c in row] for row in ws.iter_rows()],
            "widths": {k: v.width for k, v in ws.column_dimensions.items()},
        }, ensure_ascii=False))
        """

    private struct Report: Decodable {
        var sheets: [String]
        var freeze: String?
        var bold: [Bool?]
        var types: [String]
        var values: [[String]]
        var widths: [String: Double]
    }

    func testOpenpyxlOpensOurWorkbook() throws {
        let header = ["姓名", "身份证号", "电话", "公式样"]
        let rows = [
            ["张三", "11010519491231002X", "13800138000", "=1+1"],
            ["李四", "0012", "+8613900139000", "多行\n文本"],
        ]
        let data = try XLSXWriter.write([
            XLSXSheet(name: "居民名单", header: header, rows: rows), XLSXSheet(name: "第二页", header: ["x"], rows: []),
        ])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fengqiao-sheets-\(UUID()).xlsx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let (status, output) = try runPython(arguments: ["-c", Self.script, url.path])
        if output.contains("OPENPYXL_MISSING") || status == 127 {
            return XCTFail("python3 with openpyxl is required for this test: run `python3 -m pip install openpyxl`")
        }
        XCTAssertEqual(status, 0, output)
        let report = try JSONDecoder().decode(Report.self, from: Data(output.utf8))
        XCTAssertEqual(report.sheets, ["居民名单", "第二页"])
        XCTAssertEqual(report.freeze, "A2")
        XCTAssertEqual(report.bold, [true, true, true, true])
        XCTAssertEqual(report.types, ["s"], "every cell is a string, never a number or formula")
        XCTAssertEqual(report.values, [header] + rows)
        XCTAssertEqual(report.widths["B"], 20)
        XCTAssertEqual(report.widths["A"], 6)
    }

    private func runPython(arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
