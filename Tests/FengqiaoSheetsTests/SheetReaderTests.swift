import Foundation
import XCTest

@testable import FengqiaoSheets

final class SheetReaderTests: XCTestCase {
    private let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))

    func testOldXLSIsRefusedWithAClearMessage() {
        XCTAssertThrowsError(try SheetReader.read(data: ole, filename: "居民.xls")) { error in
            let error = error as? SheetError
            XCTAssertEqual(error, .unsupportedFormat(.legacyXLS))
            XCTAssertEqual(error?.code, "unsupported_format")
            XCTAssertEqual(error?.message, "不支持 .xls 格式，请另存为 .xlsx 或 .csv")
        }
        XCTAssertThrowsError(try SheetReader.read(data: ole, filename: "no-extension")) { error in
            XCTAssertEqual(error as? SheetError, .unsupportedFormat(.legacyXLS))
        }
        XCTAssertThrowsError(try SheetReader.read(data: Data("<html><table>".utf8), filename: "导出.XLS")) { error in
            XCTAssertEqual(error as? SheetError, .unsupportedFormat(.legacyXLS))
        }
    }

    func testPasswordProtectedXLSXIsReportedAsEncrypted() {
        XCTAssertThrowsError(try SheetReader.read(data: ole, filename: "加密.xlsx")) { error in
            XCTAssertEqual(error as? SheetError, .encrypted)
        }
    }

    func testFormatDetection() throws {
        let zip = try XLSXWriter.write(sheetName: "S", header: ["a"], rows: [])
        XCTAssertEqual(try SheetFormat.detect(data: zip, filename: "x.csv"), .xlsx, "magic bytes win")
        XCTAssertEqual(try SheetFormat.detect(data: Data("a,b".utf8), filename: "/tmp/名单.CSV"), .csv(.comma))
        XCTAssertEqual(try SheetFormat.detect(data: Data("a\tb".utf8), filename: "x.tsv"), .csv(.tab))
        XCTAssertEqual(try SheetFormat.detect(data: Data("a\tb\n1,2".utf8), filename: "x.txt"), .csv(.tab))
        XCTAssertEqual(try SheetFormat.detect(data: Data("a,b".utf8), filename: "x.txt"), .csv(.comma))
        XCTAssertEqual(try SheetFormat.detect(data: Data("a,b".utf8), filename: "名单"), .csv(.comma))
        XCTAssertThrowsError(try SheetFormat.detect(data: Data("%PDF".utf8), filename: "x.pdf")) { error in
            XCTAssertEqual(error as? SheetError, .unsupportedFormat(.other(fileExtension: "pdf")))
            XCTAssertEqual((error as? SheetError)?.message, "不支持 .pdf 文件，请上传 .xlsx 或 .csv 文件")
        }
        XCTAssertThrowsError(try SheetFormat.detect(data: zip, filename: "x.ods")) { error in
            XCTAssertEqual(error as? SheetError, .unsupportedFormat(.ods))
        }
        XCTAssertThrowsError(try SheetFormat.detect(data: Data("a,b".utf8), filename: "x.xlsx")) { error in
            XCTAssertEqual((error as? SheetError)?.code, "malformed_xlsx")
        }
        XCTAssertThrowsError(try SheetFormat.detect(data: Data(), filename: "x.csv")) { error in
            XCTAssertEqual(error as? SheetError, .empty)
        }
    }

    func testFileSizeLimitIsCheckedFirst() {
        let limits = SheetLimits(maxFileBytes: 3 * 1024 * 1024 / 2)
        let data = Data(repeating: 0x61, count: limits.maxFileBytes + 1)
        XCTAssertThrowsError(try SheetReader.read(data: data, filename: "a.csv", limits: limits)) { error in
            XCTAssertEqual(error as? SheetError, .tooLarge(.fileBytes(limits.maxFileBytes)))
            XCTAssertEqual((error as? SheetError)?.message, "文件超过 1.5 MB 的上限，请拆分后分批导入")
        }
    }

    func testErrorsDescribeThemselves() {
        let error = SheetError.malformedCSV(row: 3, reason: "引号未闭合")
        XCTAssertEqual(error.description, "[malformed_csv] CSV 格式错误（第 3 行）：引号未闭合")
        XCTAssertEqual(error.localizedDescription, "CSV 格式错误（第 3 行）：引号未闭合")
    }
}
