import Foundation
import XCTest

/// The arrows of DESIGN.md point one way: the domain imports Foundation only, and the web layer
/// never reaches the database driver directly.
final class ImportRulesTests: XCTestCase {
    private let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    private func imports(of module: String) throws -> [String: Set<String>] {
        let root = sources.appendingPathComponent(module)
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        var result: [String: Set<String>] = [:]
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                      words[..<index].allSatisfy({ $0.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains($0) })
                else { continue }
                result[words[index + 1], default: []].insert(file.lastPathComponent)
            }
        }
        return result
    }

    func testDomainImportsOnlyFoundation() throws {
        let found = try imports(of: "FengqiaoDomain")
        XCTAssertFalse(found.isEmpty, "no domain sources found at \(sources.path)")
        let extra = found.keys.filter { $0 != "Foundation" && $0 != "FoundationEssentials" }
        XCTAssertEqual(extra, [], "FengqiaoDomain imports \(extra.map { "\($0) in \(found[$0] ?? [])" })")
    }

    func testWebDoesNotImportTheDatabaseLayer() throws {
        let found = try imports(of: "FengqiaoWeb")
        XCTAssertFalse(found.isEmpty)
        let forbidden = ["SQLKit", "SQLiteKit", "SQLiteNIO", "PostgresKit", "PostgresNIO", "FengqiaoStore"]
        for module in forbidden {
            XCTAssertNil(found[module], "FengqiaoWeb imports \(module) in \(found[module] ?? [])")
        }
    }

    func testTheScannerSeesImports() throws {
        XCTAssertNotNil(try imports(of: "FengqiaoStore")["SQLKit"], "the check would pass vacuously")
    }
}
