import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Open311 GeoReport v2 over HTTP on both engines: services and definitions from the category tree,
/// posting with an API key (and every refusal as the spec's error array), reading requests with their
/// filters in JSON and XML — public fields and public channels only — tokens, and the FixMyStreet
/// `servicerequestupdates` extension.
final class Open311RoutesTests: XCTestCase {
    static let root = "/open311/v2"
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    func withClient(_ body: @escaping @Sendable (any TestClientProtocol, Platform) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in try await body(client, platform) }
        }
    }

    static func token(_ platform: Platform, scope: String = "cases.report", area: String = SampleAreas.county) async throws -> String {
        try await ApiTokens(platform: platform).create(name: "311-\(scope)-\(area)", scopes: [scope], area: area,
                                                       by: .commandLine("test")).token
    }

    static func post(_ client: any TestClientProtocol, _ fields: String, format: String = "json") async throws -> TestResponse {
        try await client.execute(uri: "\(root)/requests.\(format)", method: .post, headers: form, body: ByteBuffer(string: fields))
    }

    static let valid = "service_code=dispute.neighbour&lat=40.605&long=109.805&address_string=%E5%BA%B7%E4%B9%90%E5%B0%8F%E5%8C%BA3%E6%A0%8B"
        + "&description=%E6%A5%BC%E4%B8%8A%E9%82%BB%E5%B1%85%E6%AF%8F%E5%A4%A9%E6%B7%B1%E5%A4%9C%E8%A3%85%E4%BF%AE"
        + "&first_name=%E4%BC%9F&last_name=%E5%BC%A0&phone=13812345678&attribute%5Burgency%5D=urgent"

    static func array(_ response: TestResponse) throws -> [[String: Any]] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]], response.text)
    }

    static func errorCodes(_ response: TestResponse) throws -> [Int] {
        try array(response).map { ($0["code"] as? Int) ?? -1 }
    }

    func testServicesAndDefinitionsComeFromTheCategoryTree() async throws {
        try await withClient { client, platform in
            let json = try await client.execute(uri: "\(Self.root)/services.json", method: .get)
            XCTAssertEqual(json.status, .ok)
            let services = try Self.array(json)
            let neighbour = try XCTUnwrap(services.first { $0["service_code"] as? String == "dispute.neighbour" })
            XCTAssertEqual(neighbour["service_name"] as? String, "邻里纠纷")
            XCTAssertEqual(neighbour["group"] as? String, "矛盾纠纷")
            XCTAssertEqual(neighbour["metadata"] as? Bool, true)
            XCTAssertEqual(neighbour["type"] as? String, "realtime")
            XCTAssertEqual(services.count, CaseKind.allCases.map(\.defaultCategories.count).reduce(0, +))

            // A deactivated category is no longer offered, nor accepted.
            let admin = Caller(staff: Staff(accountID: 1, username: "root", displayName: "管理员", role: .systemAdmin,
                                            jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.city)))), ip: "127.0.0.1")
            _ = try await CaseCategories(platform: platform).setActive(code: "dispute.family", false, by: admin)
            let after = try Self.array(try await client.execute(uri: "\(Self.root)/services.json", method: .get))
            XCTAssertNil(after.first { $0["service_code"] as? String == "dispute.family" })
            let gone = try await client.execute(uri: "\(Self.root)/services/dispute.family.json", method: .get)
            XCTAssertEqual(gone.status, .notFound)
            XCTAssertEqual(try Self.errorCodes(gone), [404])

            let xml = try await client.execute(uri: "\(Self.root)/services.xml?jurisdiction_id=150207", method: .get)
            XCTAssertEqual(xml.status, .ok)
            XCTAssertEqual(xml.headers[.contentType], "text/xml; charset=utf-8")
            XCTAssertTrue(xml.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?>"#))
            XCTAssertTrue(xml.text.contains("<services><service><service_code>dispute.neighbour</service_code><service_name>邻里纠纷</service_name>"), xml.text)

            let definition = try await client.execute(uri: "\(Self.root)/services/dispute.neighbour.json", method: .get)
            XCTAssertEqual(definition.status, .ok)
            let body = try definition.json()
            XCTAssertEqual(body["service_code"] as? String, "dispute.neighbour")
            let attributes = try XCTUnwrap(body["attributes"] as? [[String: Any]])
            XCTAssertEqual(attributes.map { $0["code"] as? String }, ["urgency", "people_involved"])
            XCTAssertEqual((attributes[0]["values"] as? [[String: Any]])?.map { $0["key"] as? String }, ["normal", "urgent", "critical"])
            let definitionXML = try await client.execute(uri: "\(Self.root)/services/dispute.neighbour.xml", method: .get)
            XCTAssertTrue(definitionXML.text.contains("<service_definition><service_code>dispute.neighbour</service_code><attributes><attribute><variable>true</variable><code>urgency</code><datatype>singlevaluelist</datatype>"), definitionXML.text)

            // Unknown jurisdictions and services are 404 error arrays.
            for uri in ["services.json?jurisdiction_id=999999", "services.json?jurisdiction_id=150207001000",
                        "services/no.such.json"] {
                let response = try await client.execute(uri: "\(Self.root)/\(uri)", method: .get)
                XCTAssertEqual(response.status, .notFound, uri)
                XCTAssertEqual(try Self.errorCodes(response), [404], uri)
            }
            let xmlError = try await client.execute(uri: "\(Self.root)/services.xml?jurisdiction_id=999999", method: .get)
            XCTAssertTrue(xmlError.text.contains("<errors><error><code>404</code><description>"), xmlError.text)
        }
    }

    func testPostingNeedsAnApiKeyWithTheReportScope() async throws {
        try await withClient { client, platform in
            let missing = try await Self.post(client, Self.valid)
            XCTAssertEqual(missing.status, .forbidden)
            XCTAssertEqual(try Self.errorCodes(missing), [403])
            let forged = try await Self.post(client, Self.valid + "&api_key=fq_notatoken")
            XCTAssertEqual(forged.status, .forbidden)
            let mapReader = try await Self.token(platform, scope: "map.read")
            let wrongScope = try await Self.post(client, Self.valid + "&api_key=\(mapReader)")
            XCTAssertEqual(wrongScope.status, .forbidden)
            let revokedKey = try await ApiTokens(platform: platform).create(
                name: "revoked", scopes: ["cases.report"], area: SampleAreas.county, by: .commandLine("test"))
            try await ApiTokens(platform: platform).revoke(id: revokedKey.id, by: .commandLine("test"))
            let revoked = try await Self.post(client, Self.valid + "&api_key=\(revokedKey.token)")
            XCTAssertEqual(revoked.status, .forbidden)
            let xml = try await Self.post(client, Self.valid, format: "xml")
            XCTAssertEqual(xml.status, .forbidden)
            XCTAssertTrue(xml.text.contains("<errors><error><code>403</code>"), xml.text)
            let count = try await platform.database.read { try await CaseRepository($0).count() }
            XCTAssertEqual(count, 0, "no refused request files a case")

            // The key in the query string (as some clients send it) or in the body.
            let key = try await Self.token(platform)
            let filed = try await client.execute(uri: "\(Self.root)/requests.json?api_key=\(key)&jurisdiction_id=150207000000",
                                                 method: .post, headers: Self.form, body: ByteBuffer(string: Self.valid))
            XCTAssertEqual(filed.status, .created, filed.text)
            let receipt = try XCTUnwrap(try Self.array(filed).first)
            let number = try XCTUnwrap(receipt["service_request_id"] as? String)
            XCTAssertTrue(number.hasPrefix("150207-"), number)
            XCTAssertNotNil(receipt["token"] as? String)
            XCTAssertTrue(receipt.keys.contains("account_id"))
            let record = try await platform.database.read { try await CaseRepository($0).find(number: number) }
            XCTAssertEqual(record?.channel, "open311")
            XCTAssertEqual(record?.category, "邻里纠纷")
            XCTAssertEqual(record?.kind, "dispute")
            XCTAssertEqual(record?.urgency, "urgent")
            XCTAssertEqual(record?.contactName, "张伟")
            XCTAssertEqual(record?.gridCode, SampleAreas.grid)
            let audit = try await platform.database.read { db in
                try await db.select().column("actor").from("audit_log").where("action", .equal, "case.open").all()
            }
            XCTAssertEqual(audit.count, 1)

            let inXML = try await Self.post(client, Self.valid + "&api_key=\(key)", format: "xml")
            XCTAssertEqual(inXML.status, .created)
            XCTAssertTrue(inXML.text.contains("<service_requests><request><service_request_id>150207-"), inXML.text)
        }
    }

    func testEveryBadFieldIsA400ErrorAndNothingIsFiled() async throws {
        try await withClient { client, platform in
            let key = try await Self.token(platform)
            let village = try await Self.token(platform, area: SampleAreas.village)
            let cases: [(String, String)] = [
                ("lat=40.605&long=109.805&description=%E6%A5%BC%E4%B8%8A%E8%A3%85%E4%BF%AE%E5%A4%AA%E5%90%B5&api_key=\(key)", "service_code"),
                ("service_code=no.such&lat=40.605&long=109.805&description=%E6%A5%BC%E4%B8%8A%E8%A3%85%E4%BF%AE%E5%A4%AA%E5%90%B5&api_key=\(key)", "service_code"),
                ("service_code=dispute.neighbour&description=%E6%A5%BC%E4%B8%8A%E8%A3%85%E4%BF%AE%E5%A4%AA%E5%90%B5&api_key=\(key)", "lat"),
                ("service_code=dispute.neighbour&lat=north&long=109.805&description=%E6%A5%BC%E4%B8%8A%E8%A3%85%E4%BF%AE%E5%A4%AA%E5%90%B5&api_key=\(key)", "lat"),
                ("service_code=dispute.neighbour&lat=40.605&long=109.805&api_key=\(key)", "description"),
                ("service_code=dispute.neighbour&lat=40.605&long=109.805&description=%E5%90%B5&api_key=\(key)", "description"),
                (Self.valid.replacingOccurrences(of: "urgency%5D=urgent", with: "urgency%5D=whenever") + "&api_key=\(key)", "attribute[urgency]"),
                (Self.valid.replacingOccurrences(of: "attribute%5Burgency%5D=urgent", with: "attribute%5Bpeople_involved%5D=many") + "&api_key=\(key)", "attribute[people_involved]"),
                (Self.valid.replacingOccurrences(of: "13812345678", with: "12345") + "&api_key=\(key)", "phone"),
                // Outside the token's area (a point in no grid of the village).
                ("service_code=dispute.neighbour&lat=30.0&long=120.0&description=%E6%A5%BC%E4%B8%8A%E8%A3%85%E4%BF%AE%E5%A4%AA%E5%90%B5&api_key=\(village)", "location"),
            ]
            for (fields, field) in cases {
                let response = try await Self.post(client, fields)
                XCTAssertEqual(response.status, .badRequest, "\(field): \(response.text)")
                let errors = try Self.array(response)
                XCTAssertTrue(errors.allSatisfy { $0["code"] as? Int == 400 })
                XCTAssertTrue(errors.contains { ($0["description"] as? String)?.hasPrefix(field + ":") == true },
                              "\(field): \(response.text)")
            }
            let unknownCounty = try await Self.post(client, Self.valid + "&api_key=\(key)&jurisdiction_id=110101")
            XCTAssertEqual(unknownCounty.status, .notFound)
            let count = try await platform.database.read { try await CaseRepository($0).count() }
            XCTAssertEqual(count, 0)
        }
    }

    func testRequestsShowPublicCasesWithPublicFieldsAndFilter() async throws {
        try await withClient { client, platform in
            let key = try await Self.token(platform)
            let filed = try await Self.post(client, Self.valid + "&api_key=\(key)")
            let receipt = try XCTUnwrap(try Self.array(filed).first)
            let number = try XCTUnwrap(receipt["service_request_id"] as? String)
            let token = try XCTUnwrap(receipt["token"] as? String)
            // A walk-in registered by the desk is no public request.
            try await TestAccounts.create("desk", role: .intakeOperator, area: SampleAreas.county, in: platform.database)
            let desk = try await signIn(client, username: "desk")
            let walkIn = try await client.execute(
                uri: "/api/v1/cases", method: .post,
                headers: [.cookie: desk.cookie, .csrfHeader: desk.csrf, .contentType: "application/json", .accept: "application/json"],
                body: ByteBuffer(string: #"{"channel":"walkIn","kind":"dispute","description":"来访反映家庭矛盾","gridCode":"\#(SampleAreas.grid)"}"#))
            XCTAssertEqual(walkIn.status, .created, walkIn.text)

            let list = try await client.execute(uri: "\(Self.root)/requests.json", method: .get)
            XCTAssertEqual(list.status, .ok)
            let requests = try Self.array(list)
            XCTAssertEqual(requests.map { $0["service_request_id"] as? String }, [number])
            let request = try XCTUnwrap(requests.first)
            XCTAssertEqual(request["status"] as? String, "open")
            XCTAssertEqual(request["service_code"] as? String, "dispute.neighbour")
            XCTAssertEqual(request["service_name"] as? String, "邻里纠纷")
            XCTAssertEqual(request["lat"] as? Double, 40.605)
            XCTAssertEqual(request["long"] as? Double, 109.805)
            XCTAssertEqual(request["agency_responsible"] as? String, "康乐社区")
            XCTAssertEqual(request["requested_datetime"] as? String, W3CDate.format(TestPlatform.referenceDate))
            XCTAssertTrue((request["requested_datetime"] as? String)?.hasSuffix("+08:00") == true)
            for key in ["status_notes", "description", "address", "address_id", "zipcode", "media_url", "updated_datetime",
                        "expected_datetime", "service_notice"] {
                XCTAssertTrue(request.keys.contains(key), key)
            }
            for secret in ["13812345678", "张伟", "伟", token] {
                XCTAssertFalse(list.text.contains(secret), secret)
            }

            let filters: [(String, Int)] = [
                ("status=open", 1), ("status=closed", 0), ("status=open,closed", 1),
                ("service_code=dispute.neighbour", 1), ("service_code=dispute.family", 0),
                ("service_code=dispute.family,dispute.neighbour", 1), ("service_request_id=\(number)", 1),
                ("service_request_id=\(number)&status=closed", 1), // the id overrides every other filter
                ("jurisdiction_id=150207", 1), ("start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z", 1),
                ("start_date=2026-12-01T00:00:00%2B08:00", 0), ("end_date=2026-01-01", 0),
            ]
            for (query, expected) in filters {
                let response = try await client.execute(uri: "\(Self.root)/requests.json?\(query)", method: .get)
                XCTAssertEqual(response.status, .ok, query)
                XCTAssertEqual(try Self.array(response).count, expected, query)
            }
            for query in ["status=pending", "start_date=yesterday", "start_date=2026-01-01&end_date=2026-11-30",
                          "start_date=2026-11-30&end_date=2026-11-01"] {
                let response = try await client.execute(uri: "\(Self.root)/requests.json?\(query)", method: .get)
                XCTAssertEqual(response.status, .badRequest, query)
                XCTAssertEqual(try Self.errorCodes(response), [400], query)
            }

            let single = try await client.execute(uri: "\(Self.root)/requests/\(number).xml", method: .get)
            XCTAssertEqual(single.status, .ok)
            XCTAssertTrue(single.text.contains("<service_requests><request><service_request_id>\(number)</service_request_id><status>open</status>"), single.text)
            XCTAssertTrue(single.text.contains("<lat>40.605</lat><long>109.805</long>"), single.text)
            let walkInNumber = try XCTUnwrap(try walkIn.json()["number"] as? String)
            for id in [walkInNumber, "150207-2026-999999"] {
                let hidden = try await client.execute(uri: "\(Self.root)/requests/\(id).json", method: .get)
                XCTAssertEqual(hidden.status, .notFound, id)
            }

            let byToken = try await client.execute(uri: "\(Self.root)/tokens/\(token).json", method: .get)
            XCTAssertEqual(byToken.status, .ok)
            XCTAssertEqual(try Self.array(byToken).first?["service_request_id"] as? String, number)
            let badToken = try await client.execute(uri: "\(Self.root)/tokens/nosuchtoken.json", method: .get)
            XCTAssertEqual(badToken.status, .notFound)

            let updates = try await client.execute(uri: "\(Self.root)/servicerequestupdates.json", method: .get)
            XCTAssertEqual(updates.status, .ok)
            let entries = try Self.array(updates)
            XCTAssertEqual(entries.map { $0["service_request_id"] as? String }, [number])
            XCTAssertEqual(entries.first?["status"] as? String, "open")
            XCTAssertNotNil(entries.first?["update_id"] as? String)
            let updatesXML = try await client.execute(uri: "\(Self.root)/servicerequestupdates.xml?start_date=2026-12-01", method: .get)
            XCTAssertEqual(updatesXML.text.hasSuffix("<service_requests_updates/>\n"), true, updatesXML.text)
            let badUpdates = try await client.execute(uri: "\(Self.root)/servicerequestupdates.json?end_date=never", method: .get)
            XCTAssertEqual(badUpdates.status, .badRequest)
        }
    }
}
