import FengqiaoServices
import FengqiaoTestSupport
import Foundation
import XCTest

/// The printer runs the real headless Chromium and the PDFs are read back with poppler's tools.
final class ChromiumPDFPrinterTests: XCTestCase {
    private let agreement = """
        <!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>
        @page { size: A4; margin: 25mm 20mm; }
        body { font-family: "Noto Serif CJK SC", serif; font-size: 14pt; }
        h1 { text-align: center; } .page { break-after: page; }
        </style></head><body>
        <section class="page"><h1>人民调解协议书</h1><p>申请人:乌云其其格。被申请人:包头市某物业服务有限公司。</p>
        <p>协议金额:人民币 12,000.00 元,于 2026年12月31日 前付清。</p></section>
        <section><p>第二页:调解员签名</p></section>
        </body></html>
        """

    func testPrintsChineseTextOnA4Pages() async throws {
        let pdf = try await ChromiumPDFPrinter().pdf(html: agreement)
        let document = PrintedDocument(pdf)
        let text = try document.text()
        XCTAssertTrue(text.contains("人民调解协议书"), text)
        XCTAssertTrue(text.contains("乌云其其格"), text)
        XCTAssertTrue(text.contains("12,000.00"), text)
        XCTAssertEqual(try document.pageCount(), 2, "the page break of the stylesheet is kept")
        let png = try document.firstPagePNG(named: "printer-specimen")
        XCTAssertTrue(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "pdftoppm renders the page")
    }

    func testADocumentCannotReachTheNetwork() async throws {
        // The address would answer if the browser could resolve it; it prints at once without the picture.
        let html = "<!doctype html><meta charset=utf-8><p>网络已隔离</p><img src=\"http://example.com/logo.png\">"
        let text = try PrintedDocument(try await ChromiumPDFPrinter().pdf(html: html)).text()
        XCTAssertTrue(text.contains("网络已隔离"), text)
    }

    func testAMissingBrowserIsAPrinterError() async throws {
        do {
            _ = try await ChromiumPDFPrinter(executable: "/nonexistent/chromium").pdf(html: "<p>x</p>")
            XCTFail("printed without a browser")
        } catch let error as PrintingError {
            guard case .printerMissing(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("FENGQIAO_CHROMIUM"), reason)
        }
    }

    func testABrowserThatFailsIsAPrintError() async throws {
        do {
            _ = try await ChromiumPDFPrinter(executable: "/bin/false").pdf(html: "<p>x</p>")
            XCTFail("printed with a browser that failed")
        } catch let error as PrintingError {
            guard case .printFailed = error else { return XCTFail("\(error)") }
        }
    }

    func testABrowserOverTheTimeLimitIsStopped() async throws {
        // A "browser" that would take 30 s, and says who it is.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fengqiao-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("pid")
        let browser = folder.appendingPathComponent("slow-browser")
        try Data("#!/bin/sh\necho $$ > '\(pidFile.path)'\nexec sleep 30\n".utf8).write(to: browser)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
        do {
            _ = try await ChromiumPDFPrinter(executable: browser.path, timeLimit: .milliseconds(500)).pdf(html: "<p>x</p>")
            XCTFail("printed with a browser that never finished")
        } catch let error as PrintingError {
            guard case .printFailed(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("未完成"), reason)
        }
        let pid = try XCTUnwrap(Int32(String(decoding: try Data(contentsOf: pidFile), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(kill(pid, 0), -1, "the browser process was stopped and reaped, not left running")
    }

    func testDocumentsPrintedTogetherEachComeOut() async throws {
        let printer = ChromiumPDFPrinter(concurrentDocuments: 2)
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for number in 1...4 {
                group.addTask { try PrintedDocument(try await printer.pdf(html: "<meta charset=utf-8><p>第\(number)份文书</p>")).text() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for number in 1...4 { XCTAssertTrue(texts.contains { $0.contains("第\(number)份文书") }, "\(texts)") }
    }
}
