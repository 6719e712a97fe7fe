import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Runs `body` with a test client against the real router on a fresh SQLite database holding the
/// sample areas.
func withTestClient(
    areas: Bool = true, _ body: @escaping @Sendable (any TestClientProtocol, Platform) async throws -> Void
) async throws {
    try await TestDatabases.withSQLite { db in
        if areas { try await SampleAreas.insert(into: db) }
        let platform = try TestPlatform.make(database: db)
        let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
        try await app.test(.router) { client in try await body(client, platform) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]
let htmlHeaders: HTTPFields = [.accept: "text/html,application/xhtml+xml"]

func containsChinese(_ text: String, atLeast run: Int = 4) -> Bool {
    var longest = 0, current = 0
    for scalar in text.unicodeScalars {
        current = (0x4E00...0x9FFF).contains(scalar.value) ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest >= run
}
