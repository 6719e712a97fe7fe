import FengqiaoDomain
import FengqiaoServices
import Foundation
import XCTest

/// The auditor reads actions by their Chinese names: every action the code records must have one.
final class AuditActionCatalogTests: XCTestCase {
    func testEveryRecordedActionHasAChineseName() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"action: "([a-z_]+\.[a-z_]+)""#)
        var found: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
            }
        }
        XCTAssertGreaterThan(found.count, 20, "the scan finds the services' actions")
        let unnamed = found.filter { AuditActionCatalog.name(of: $0) == nil }.sorted()
        XCTAssertEqual(unnamed, [], "actions without a Chinese name in AuditActionCatalog")
        for name in CaseCommand.Name.allCases {
            XCTAssertNotNil(AuditActionCatalog.name(of: "case.\(name.rawValue)"), "case.\(name.rawValue)")
        }
    }
}
