import FengqiaoDomain
import Foundation
import XCTest

final class UploadRuleTests: XCTestCase {
    let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
    let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]) + Data("JFIF".utf8)
    let pdf = Data("%PDF-1.7\n%âãÏÓ\n".utf8)
    let webp = Data("RIFF".utf8) + Data([0x24, 0, 0, 0]) + Data("WEBPVP8 ".utf8)
    let zip = Data([0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0])
    let elf = Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0])

    func testSniffsByContent() {
        XCTAssertEqual(FileType.sniff(png), .png)
        XCTAssertEqual(FileType.sniff(jpeg), .jpeg)
        XCTAssertEqual(FileType.sniff(pdf), .pdf)
        XCTAssertEqual(FileType.sniff(webp), .webp)
        XCTAssertEqual(FileType.sniff(zip), .xlsx)
        XCTAssertEqual(FileType.sniff(Data("姓名,身份证号\n张三,110101199003078515\n".utf8)), .text)
        XCTAssertEqual(FileType.sniff(Data([0xFF, 0xFE]) + "姓名".data(using: .utf16LittleEndian)!), .text, "UTF-16 with BOM")
        XCTAssertEqual(FileType.sniff(Data("姓名,地址\n".data(using: .init(rawValue: 0x80000632)) ?? Data())), .text, "GB18030")
        XCTAssertNil(FileType.sniff(elf), "executables are nothing we accept")
        XCTAssertNil(FileType.sniff(Data("abc\u{0}def".utf8)), "NUL bytes are not text")
        XCTAssertNil(FileType.sniff(Data()))
    }

    func testSheetRuleRefusesAnImageWhateverItsName() {
        XCTAssertThrowsError(try UploadRule.sheet(maxBytes: 1000).check(png)) { error in
            guard case DomainError.validation(let fields) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(fields.map(\.code), ["unsupported_type"])
            XCTAssertEqual(fields.first?.field, "file")
            XCTAssertTrue(fields.first?.message.contains("Excel 工作簿") ?? false, fields.first?.message ?? "")
        }
        XCTAssertEqual(try UploadRule.sheet(maxBytes: 1000).check(zip), .xlsx)
    }

    func testAttachmentRuleTakesPhotosAndPDFsOnly() throws {
        let rule = UploadRule.attachment(maxBytes: 1 << 20)
        XCTAssertEqual(try rule.check(png), .png)
        XCTAssertEqual(try rule.check(pdf), .pdf)
        for refused in [zip, elf, Data("<html><script>alert(1)</script>".utf8)] {
            XCTAssertThrowsError(try rule.check(refused)) { error in
                guard case DomainError.validation(let fields) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(fields.first?.code, "unsupported_type")
            }
        }
    }

    func testSizeAndEmptiness() {
        let rule = UploadRule.attachment(maxBytes: 10)
        XCTAssertThrowsError(try rule.check(png + Data(count: 10))) { error in
            guard case DomainError.validation(let fields) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(fields.first?.code, "too_large")
        }
        XCTAssertThrowsError(try rule.check(Data())) { error in
            guard case DomainError.validation(let fields) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(fields.first?.code, "required")
        }
    }
}
