import FengqiaoQRCode
import XCTest

/// Round trips through zbarimg: what is encoded is exactly what a scanner reads.
final class QRCodeScanTests: XCTestCase {
    func testReportPageURLRoundTrips() throws {
        let url = "http://127.0.0.1:8080/report?grid=150207001001001"
        XCTAssertEqual(try ZBarImage.decode(QRCode(text: url)), url)
    }

    func testChineseContactCardTextRoundTrips() throws {
        let text = "网格服务联系卡 王芳 13800138000"
        XCTAssertEqual(try ZBarImage.decode(QRCode(text: text)), text)
    }

    func testAuthenticatorEnrolmentURLRoundTrips() throws {
        let url = "otpauth://totp/%E6%9E%AB%E6%A1%A5:wangfang?secret=JBSWY3DPEHPK3PXP&issuer=%E6%9E%AB%E6%A1%A5"
            + "&algorithm=SHA1&digits=6&period=30"
        XCTAssertEqual(try ZBarImage.decode(QRCode(text: url)), url)
    }

    func testEveryCorrectionLevelRoundTrips() throws {
        let url = "http://127.0.0.1:8080/report?grid=150207001001001"
        for correction in QRCode.Correction.allCases {
            XCTAssertEqual(try ZBarImage.decode(QRCode(text: url, correction: correction)), url, "\(correction)")
        }
    }

    func testLargestSymbolRoundTrips() throws {
        // Version 40 at high correction, full: 1,273 bytes less the one the UTF-8 ECI header takes. Long
        // Chinese text is where a reader guessing the character set goes wrong (zbar picks Shift-JIS).
        let text = String(repeating: "枫桥a", count: 181) + "abcde"
        XCTAssertEqual(text.utf8.count, QRCode.Correction.high.maximumByteCount - 1)
        let code = try QRCode(text: text, correction: .high)
        XCTAssertEqual(code.version, 40)
        XCTAssertEqual(try ZBarImage.decode(code, moduleSize: 3), text)
    }
}
