import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HummingbirdTesting
import XCTest

/// `/api/openapi.json` describes exactly the `/api/v1` routes the router registers: a route added without
/// its description, or a description left behind by a removed route, fails here.
final class OpenAPIDocumentTests: XCTestCase {
    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    func testTheDocumentDescribesEveryRegisteredAPIRouteAndNoOther() async throws {
        try await withTestClient { client, platform in
            let registered = Set(try await registeredRoutes(platform: platform).filter { $0.contains(" /api/v1/") })
            let answer = try await client.execute(uri: "/api/openapi.json", method: .get)
            XCTAssertEqual(answer.status, .ok)
            XCTAssertTrue(answer.headers[.contentType]?.hasPrefix("application/json") ?? false)
            let document = try answer.json()
            XCTAssertEqual(document["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
            var described = Set<String>()
            for (path, item) in paths {
                for method in Self.methods where item[method] != nil { described.insert("\(method.uppercased()) \(path)") }
            }
            let missing = registered.subtracting(described).sorted()
            let stale = described.filter { $0.contains(" /api/v1/") }.subtracting(registered).sorted()
            XCTAssertEqual(missing, [], "registered /api/v1 routes the document does not describe")
            XCTAssertEqual(stale, [], "described /api/v1 routes the router does not have")
            XCTAssertGreaterThan(registered.count, 90)
        }
    }

    func testEveryOperationDeclaresItsPathParametersSecurityAndProblemAnswers() async throws {
        try await withTestClient { client, _ in
            let document = try await client.execute(uri: "/api/openapi.json", method: .get).json()
            let components = try XCTUnwrap(document["components"] as? [String: Any])
            let schemes = try XCTUnwrap(components["securitySchemes"] as? [String: [String: Any]])
            XCTAssertEqual(schemes["bearerToken"]?["scheme"] as? String, "bearer")
            XCTAssertEqual(schemes["sessionCookie"]?["in"] as? String, "cookie")
            XCTAssertEqual(schemes["sessionCookie"]?["name"] as? String, "fq_session")
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
            for (path, item) in paths where path.hasPrefix("/api/v1/") {
                let placeholders = Set(path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
                for method in Self.methods {
                    guard let operation = item[method] as? [String: Any] else { continue }
                    let name = "\(method.uppercased()) \(path)"
                    let parameters = (operation["parameters"] as? [[String: Any]] ?? []) + (item["parameters"] as? [[String: Any]] ?? [])
                    let declared = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                    XCTAssertEqual(declared, placeholders, "\(name): path parameters")
                    XCTAssertNotNil(operation["operationId"] as? String, "\(name): operationId")
                    let responses = operation["responses"] as? [String: Any] ?? [:]
                    XCTAssertTrue(responses.keys.contains { $0.hasPrefix("2") }, "\(name): a success answer")
                    XCTAssertNotNil(responses["4XX"], "\(name): problem+json answers")
                    if path != "/api/v1/reports", !path.hasPrefix("/api/v1/reports/") {
                        XCTAssertNotNil(operation["security"] ?? document["security"], "\(name): security")
                    }
                }
            }
        }
    }
}
