import FengqiaoQRCode
import XCTest

final class QRCodeSVGTests: XCTestCase {
    private let reportURL = "http://127.0.0.1:8080/report?grid=150207001001001"

    func testSVGIsOneCrispPathWithSizeAndViewBox() throws {
        let code = try QRCode(text: reportURL)
        let svg = code.svg(moduleSize: 5, quietZone: 4)
        let side = code.size + 8
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
        XCTAssertTrue(svg.contains("width=\"\(side * 5)\" height=\"\(side * 5)\""))
        XCTAssertTrue(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        XCTAssertTrue(svg.contains("shape-rendering=\"crispEdges\""))
        XCTAssertTrue(svg.contains("fill=\"#fff\""))
        XCTAssertEqual(svg.components(separatedBy: "<path").count - 1, 1)
        XCTAssertFalse(svg.contains("\n"))
    }

    func testSVGPathDrawsExactlyTheDarkModules() throws {
        for text in [reportURL, "网格服务联系卡 王芳 13800138000"] {
            let code = try QRCode(text: text)
            let quietZone = 3
            let grid = try modules(drawnBy: code.svg(quietZone: quietZone), side: code.size + 2 * quietZone)
            var mismatches = 0
            for row in 0..<grid.count {
                for column in 0..<grid.count {
                    let expected = code.isDark(row: row - quietZone, column: column - quietZone)
                    if grid[row][column] != expected { mismatches += 1 }
                }
            }
            XCTAssertEqual(mismatches, 0, text)
            XCTAssertEqual(grid.joined().filter { $0 }.count, code.darkModuleCount, text)
        }
    }

    func testOutOfRangeLayoutIsClampedNotACrash() throws {
        let code = try QRCode(text: reportURL)
        let svg = code.svg(moduleSize: 0, quietZone: -5)
        XCTAssertTrue(svg.contains("width=\"\(code.size)\""))
        XCTAssertTrue(svg.contains("viewBox=\"0 0 \(code.size) \(code.size)\""))
        let header = "P5\n\(code.size) \(code.size)\n255\n"
        XCTAssertEqual(code.pgm(moduleSize: -3, quietZone: -1).count, header.utf8.count + code.size * code.size)
    }

    /// Parses the `M x y h n v1 h-n z` runs back into a grid; fails on any other path command, on a run
    /// outside the viewBox and on a module drawn twice.
    private func modules(drawnBy svg: String, side: Int) throws -> [[Bool]] {
        let data = try XCTUnwrap(svg.firstMatch(of: /d="([^"]*)"/)?.1)
        var grid = Array(repeating: Array(repeating: false, count: side), count: side)
        var consumed = 0
        for match in data.matches(of: /M(\d+) (\d+)h(\d+)v1h-(\d+)z/) {
            let (x, y, run, back) = (Int(match.1) ?? -1, Int(match.2) ?? -1, Int(match.3) ?? -1, Int(match.4) ?? -1)
            XCTAssertEqual(run, back)
            XCTAssertGreaterThan(run, 0)
            guard (0..<side).contains(y), x >= 0, x + run <= side else {
                XCTFail("run \(match.0) outside the \(side)-module viewBox")
                continue
            }
            for column in x..<x + run {
                XCTAssertFalse(grid[y][column], "module (\(y), \(column)) drawn twice")
                grid[y][column] = true
            }
            consumed += match.0.count
        }
        XCTAssertEqual(consumed, data.count, "the path holds commands other than horizontal runs")
        return grid
    }
}
