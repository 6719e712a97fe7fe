import FengqiaoQRCode
import XCTest

final class QRCodeTests: XCTestCase {
    private let reportURL = "http://127.0.0.1:8080/report?grid=150207001001001"

    func testSizeFollowsTheVersion() throws {
        let code = try QRCode(text: reportURL)
        XCTAssertEqual(code.correction, .medium)
        XCTAssertTrue((1...40).contains(code.version))
        XCTAssertEqual(code.size, 17 + 4 * code.version)
    }

    func testFinderPatternCornersAreWhereTheSpecPutsThem() throws {
        let code = try QRCode(text: reportURL)
        let last = code.size - 1
        for (row, column) in [(0, 0), (0, 6), (6, 0), (0, last), (last, 0), (last - 6, 0), (0, last - 6)] {
            XCTAssertTrue(code.isDark(row: row, column: column), "(\(row), \(column)) should be dark")
        }
        for (row, column) in [(1, 1), (7, 7), (7, 0), (0, 7), (last - 7, 0), (1, last - 1)] {
            XCTAssertFalse(code.isDark(row: row, column: column), "(\(row), \(column)) should be light")
        }
    }

    func testIsDarkIsFalseOutsideTheSymbol() throws {
        let code = try QRCode(text: reportURL)
        let outside = [(-1, 0), (0, -1), (code.size, 0), (0, code.size), (Int.min, Int.min), (Int.max, Int.max)]
        for (row, column) in outside {
            XCTAssertFalse(code.isDark(row: row, column: column), "(\(row), \(column))")
        }
    }

    func testTooLongTextThrowsTheTypedError() {
        let text = String(repeating: "x", count: 8_000)
        XCTAssertThrowsError(try QRCode(text: text, correction: .high)) { error in
            XCTAssertEqual(error as? QRCodeError, .textTooLong(byteCount: 8_000, correction: .high))
        }
    }

    func testCapacityTableMatchesLibqrencode() throws {
        for correction in QRCode.Correction.allCases {
            let fits = String(repeating: "x", count: correction.maximumByteCount)
            let code = try QRCode(text: fits, correction: correction)
            XCTAssertEqual(code.version, 40, "\(correction)")
            XCTAssertThrowsError(try QRCode(text: fits + "x", correction: correction)) { error in
                XCTAssertEqual(
                    error as? QRCodeError,
                    .textTooLong(byteCount: correction.maximumByteCount + 1, correction: correction)
                )
            }
        }
    }

    func testNonASCIITextLosesOneByteToTheECIHeader() throws {
        // Past the Swift-side check, so this is libqrencode's own ERANGE, mapped to the same typed error.
        for correction in QRCode.Correction.allCases {
            let limit = correction.maximumByteCount
            let fits = "枫" + String(repeating: "x", count: limit - 4)
            XCTAssertEqual(try QRCode(text: fits, correction: correction).version, 40, "\(correction)")
            XCTAssertThrowsError(try QRCode(text: fits + "x", correction: correction)) { error in
                XCTAssertEqual(error as? QRCodeError, .textTooLong(byteCount: limit, correction: correction))
            }
        }
    }

    func testCapacityCountsUTF8BytesNotCharacters() {
        // 500 characters, 1,500 bytes: over the 1,273 bytes of high correction.
        let text = String(repeating: "枫", count: 500)
        XCTAssertThrowsError(try QRCode(text: text, correction: .high)) { error in
            XCTAssertEqual(error as? QRCodeError, .textTooLong(byteCount: 1_500, correction: .high))
        }
    }

    func testEmptyTextThrows() {
        XCTAssertThrowsError(try QRCode(text: "")) { error in
            XCTAssertEqual(error as? QRCodeError, .emptyText)
        }
    }

    func testTextWithNULBytesEncodes() throws {
        XCTAssertNoThrow(try QRCode(text: "a\u{0}b"))
    }

    func testEncodingIsDeterministicAcrossConcurrentTasks() async throws {
        let expected = try QRCode(text: reportURL, correction: .quartile)
        let url = reportURL
        let codes = try await withThrowingTaskGroup(of: QRCode.self) { group in
            for _ in 0..<16 {
                group.addTask { try QRCode(text: url, correction: .quartile) }
            }
            return try await group.reduce(into: [QRCode]()) { $0.append($1) }
        }
        XCTAssertEqual(codes.count, 16)
        XCTAssertTrue(codes.allSatisfy { $0 == expected })
    }

    func testPGMHeaderAndPixelCount() throws {
        let code = try QRCode(text: reportURL)
        let image = code.pgm(moduleSize: 2, quietZone: 4)
        let side = (code.size + 8) * 2
        let header = Data("P5\n\(side) \(side)\n255\n".utf8)
        XCTAssertEqual(image.prefix(header.count), header)
        XCTAssertEqual(image.count, header.count + side * side)
        let pixels = image.dropFirst(header.count)
        let darkPixels = pixels.filter { $0 == 0 }.count
        XCTAssertEqual(darkPixels, code.darkModuleCount * 4)
        XCTAssertTrue(pixels.allSatisfy { $0 == 0 || $0 == 255 })
    }
}

extension QRCode {
    var darkModuleCount: Int {
        (0..<size).reduce(0) { total, row in
            total + (0..<size).filter { isDark(row: row, column: $0) }.count
        }
    }
}
