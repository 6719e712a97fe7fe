import Foundation
import XCTest

@testable import FengqiaoSheets

/// Damaged and malicious uploads must give a typed error, never a crash, hang or memory blow-up.
final class XLSXHostileInputTests: XCTestCase {
    private let smallBudget = SheetLimits(maxUncompressedBytes: 1024 * 1024)

    private func assertCode(
        _ code: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? SheetError)?.code, code, "\(error)", file: file, line: line)
        }
    }

    func testZipBombIsStoppedByTheDeclaredSize() {
        assertCode("too_large") {
            _ = try SheetReader.read(data: Fixture.data("bomb.xlsx"), filename: "bomb.xlsx", limits: self.smallBudget)
        }
    }

    func testZipBombThatLiesAboutItsSizeIsStoppedWhileInflating() {
        XCTAssertThrowsError(
            try XLSXReader(limits: smallBudget).read(Fixture.data("bomb_lying_size.xlsx"))
        ) { error in
            XCTAssertEqual(error as? SheetError, .tooLarge(.uncompressedBytes(1024 * 1024)))
            XCTAssertEqual((error as? SheetError)?.message, "xlsx 解压后超过 1 MB 的上限（文件异常或数据过多）")
        }
    }

    func testTruncatedZip() throws {
        let data = try XLSXWriter.write(sheetName: "S", header: ["a"], rows: [["1"]])
        for length in [4, 30, data.count / 2, data.count - 1] {
            assertCode("malformed_xlsx") { _ = try SheetReader.read(data: data.prefix(length), filename: "a.xlsx") }
        }
    }

    func testEveryTruncationAndManyCorruptionsGiveTypedErrorsOrATable() throws {
        let data = try XLSXWriter.write(sheetName: "S", header: ["姓名", "电话"], rows: [["张三", "13800138000"]])
        for length in stride(from: 0, to: data.count, by: 7) {
            _ = try? XLSXReader().read(data.prefix(length))
        }
        var generator = SplitMix64(seed: 42)
        for _ in 0..<400 {
            var bytes = [UInt8](data)
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            do {
                _ = try XLSXReader().read(Data(bytes))
            } catch {
                XCTAssertFalse(error.code.isEmpty)
            }
        }
    }

    func testOffsetsPointingOutsideTheFile() throws {
        let data = try XLSXWriter.write(sheetName: "S", header: ["a"], rows: [["1"]])
        var bytes = [UInt8](data)
        let end = try XCTUnwrap(lastIndex(of: [0x50, 0x4B, 0x05, 0x06], in: bytes))
        var centralOffsetTooFar = bytes
        centralOffsetTooFar.replaceSubrange((end + 16)..<(end + 20), with: [0xF0, 0xFF, 0xFF, 0x7F])
        assertCode("malformed_xlsx") { _ = try XLSXReader().read(Data(centralOffsetTooFar)) }
        let central = try XCTUnwrap(lastIndex(of: [0x50, 0x4B, 0x01, 0x02], in: bytes))
        bytes.replaceSubrange((central + 42)..<(central + 46), with: [0x00, 0x00, 0xFF, 0x7F])
        assertCode("malformed_xlsx") { _ = try XLSXReader().read(Data(bytes)) }
    }

    /// A deflate stream that starts a 65,535-byte stored block and then runs off the end of the file makes
    /// ZIPFoundation's own Linux extraction loop forever; ours must stop.
    func testDeflateStreamRunningOffTheEndStops() {
        var zip = TestZipBuilder()
        zip.add("xl/workbook.xml", "<workbook/>")
        zip.addDeflated("xl/_rels/workbook.xml.rels", rawBytes: [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<R>".utf8))
        XCTAssertThrowsError(try XLSXReader().read(zip.data)) { error in
            let reason = "“xl/_rels/workbook.xml.rels”解压失败，文件可能已损坏"
            XCTAssertEqual(error as? SheetError, .malformedXLSX(reason: reason))
        }
    }

    func testEncryptedZipEntry() {
        var zip = TestZipBuilder()
        zip.add("xl/workbook.xml", "<workbook/>")
        zip.add("xl/_rels/workbook.xml.rels", "<Relationships/>")
        var bytes = [UInt8](zip.data)
        for (signature, flagsOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 6), ([0x50, 0x4B, 0x01, 0x02], 8)] {
            for index in 0...(bytes.count - 4) where Array(bytes[index..<(index + 4)]) == signature {
                bytes[index + flagsOffset] = 1  // general-purpose flag bit 0: encrypted
            }
        }
        XCTAssertThrowsError(try XLSXReader().read(Data(bytes))) { error in
            XCTAssertEqual(error as? SheetError, .encrypted)
        }
    }

    func testNonZipGarbageAndEmptyZip() {
        var generator = SplitMix64(seed: 7)
        let garbage = Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        assertCode("malformed_xlsx") { _ = try SheetReader.read(data: garbage, filename: "名单.xlsx") }
        assertCode("malformed_xlsx") { _ = try XLSXReader().read(garbage) }
        let emptyZip = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        assertCode("malformed_xlsx") { _ = try SheetReader.read(data: emptyZip, filename: "a.xlsx") }
    }

    func testZipThatIsNotAWorkbook() {
        var zip = TestZipBuilder()
        zip.add("word/document.xml", "<document/>")
        XCTAssertThrowsError(try SheetReader.read(data: zip.data, filename: "a.docx")) { error in
            XCTAssertEqual(error as? SheetError, .malformedXLSX(reason: "缺少 xl/workbook.xml，这不是 Excel 工作簿"))
        }
    }

    func testDoctypeAndEntityExpansionAreRefused() {
        let laughs =
            #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">"#
            + #"<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"#
        assertCode("malformed_xlsx") { _ = try XLSXReader().read(TestZipBuilder.workbook(sheetXML: laughs)) }
    }

    func testMissingSheetPartAndBadXML() {
        var zip = TestZipBuilder()
        zip.add("xl/workbook.xml", #"<workbook><sheets><sheet name="S" r:id="rId1" xmlns:r="r"/></sheets></workbook>"#)
        zip.add(
            "xl/_rels/workbook.xml.rels",
            #"<Relationships><Relationship Id="rId1" Type="x/worksheet" "#
                + #"Target="worksheets/sheet1.xml"/></Relationships>"#
        )
        XCTAssertThrowsError(try XLSXReader().read(zip.data)) { error in
            XCTAssertEqual(error as? SheetError, .malformedXLSX(reason: "缺少“xl/worksheets/sheet1.xml”"))
        }
        assertCode("malformed_xlsx") {
            _ = try XLSXReader().read(TestZipBuilder.workbook(sheetXML: "<worksheet><sheetData><row>"))
        }
    }

    func testSharedStringIndexOutOfRange() {
        let data = TestZipBuilder.workbook(
            sheetXML: TestZipBuilder.sheet(#"<row r="1"><c r="B1" t="s"><v>5</v></c></row>"#),
            sharedStringsXML: "<sst><si><t>a</t></si></sst>")
        XCTAssertThrowsError(try XLSXReader().read(data)) { error in
            XCTAssertEqual(error as? SheetError, .malformedXLSX(reason: "单元格 B1 引用了不存在的共享字符串"))
        }
    }

    func testCellFarToTheRightHitsTheColumnLimitInsteadOfAllocating() {
        let data = TestZipBuilder.workbook(
            sheetXML: TestZipBuilder.sheet(#"<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>"#))
        XCTAssertThrowsError(try XLSXReader().read(data)) { error in
            XCTAssertEqual(error as? SheetError, .tooLarge(.columns(1_000)))
        }
    }

    func testInvalidRowNumber() {
        let data = TestZipBuilder.workbook(sheetXML: TestZipBuilder.sheet(#"<row r="0"/>"#))
        assertCode("malformed_xlsx") { _ = try XLSXReader().read(data) }
    }

    func testRowLimitInXLSX() throws {
        let data = try XLSXWriter.write(sheetName: "S", header: ["a"], rows: (0..<10).map { ["\($0)"] })
        XCTAssertThrowsError(try XLSXReader(limits: SheetLimits(maxRows: 5)).read(data)) { error in
            XCTAssertEqual(error as? SheetError, .tooLarge(.rows(5)))
        }
    }

    func testLongRowsInXLSXAreReportedPerRow() {
        let rows =
            #"<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>"#
            + #"<row r="2"><c r="C2" t="inlineStr"><is><t>x</t></is></c></row>"#
            + #"<row r="3"><c r="A3" t="inlineStr"><is><t>ok</t></is></c>"#
            + #"<c r="B3" t="inlineStr"><is><t></t></is></c></row>"#
        let table = try? XLSXReader().read(TestZipBuilder.workbook(sheetXML: TestZipBuilder.sheet(rows)))
        XCTAssertEqual(table?.rows.map(\.cells), [["ok"]])
        XCTAssertEqual(table?.rowErrors, [.rowTooLong(row: 2, cells: 3, columns: 1)])
    }

    private func lastIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).last { Array(bytes[$0..<($0 + pattern.count)]) == pattern }
    }
}

/// A tiny deterministic random generator for the corruption tests.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
