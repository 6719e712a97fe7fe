import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import XCTest

/// `/admin/webhooks` over HTTP on both engines: the secret is shown once and stored sealed, every bad field
/// is a Chinese message on the form (422) with nothing written, other roles get 403, a subscription outside the
/// jurisdiction is 404, disabling twice is 409, and the log page shows the deliveries.
final class WebhookRoutesTests: XCTestCase {
    func withClient(_ body: @escaping @Sendable (any TestClientProtocol, Platform) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in try await body(client, platform) }
        }
    }

    static func create(_ client: any TestClientProtocol, _ session: SignedInBrowser, _ fields: String) async throws -> TestResponse {
        try await client.execute(uri: "/admin/webhooks", method: .post, headers: session.formHeaders(),
                                 body: ByteBuffer(string: "_csrf=\(session.csrf)&" + fields))
    }

    static func count(_ platform: Platform) async throws -> Int {
        try await platform.database.read { try await $0.countRows(in: "webhook_subscriptions") }
    }

    func testASubscriptionIsMadeWithItsSecretShownOnce() async throws {
        try await withClient { client, platform in
            try await TestAccounts.create("sysadmin", role: .systemAdmin, area: SampleAreas.township, in: platform.database)
            let admin = try await signIn(client, username: "sysadmin")
            let made = try await Self.create(client, admin,
                                             "name=区网格化平台&url=https%3A%2F%2Fhooks.example.cn%2Ffq&area=\(SampleAreas.village)&event.accepted=on&event.closed=on")
            XCTAssertEqual(made.status, .ok, made.text)
            XCTAssertEqual(made.headers[.cacheControl], "no-store")
            let secret = try XCTUnwrap(firstMatch(#"(whsec_[A-Za-z0-9_-]+)"#, in: made.text))
            let record = try await platform.database.read { db in
                try await db.select().column("*").from("webhook_subscriptions").first()?
                    .decode(model: WebhookSubscriptionRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            let stored = try XCTUnwrap(record)
            XCTAssertEqual(stored.events, "accepted closed")
            XCTAssertEqual(stored.areaCode, SampleAreas.village)
            XCTAssertFalse(stored.secretCipher.contains(secret))
            XCTAssertEqual(try platform.cipher.open(stored.secretCipher), secret)

            let list = try await client.execute(uri: "/admin/webhooks", method: .get, headers: admin.headers)
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("区网格化平台"))
            XCTAssertTrue(list.text.contains("立案、结案"))
            XCTAssertFalse(list.text.contains(secret), "the secret is never shown again")
            let log = try await client.execute(uri: "/admin/webhooks/\(stored.id ?? 0)", method: .get, headers: admin.headers)
            XCTAssertEqual(log.status, .ok)
            XCTAssertTrue(log.text.contains("还没有投递"))
            XCTAssertFalse(log.text.contains(secret))

            let disable = "/admin/webhooks/\(stored.id ?? 0)/disable"
            let first = try await client.execute(uri: disable, method: .post, headers: admin.formHeaders(),
                                                 body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            XCTAssertEqual(first.status, .seeOther)
            let second = try await client.execute(uri: disable, method: .post, headers: admin.formHeaders(),
                                                  body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            XCTAssertEqual(second.status, .conflict)
            let forged = try await client.execute(uri: disable, method: .post, headers: admin.formHeaders(),
                                                  body: ByteBuffer(string: "_csrf=wrong"))
            XCTAssertEqual(forged.status, .forbidden, "the form needs its CSRF token")
        }
    }

    func testEveryBadFieldIsRefusedOnTheFormAndNothingIsWritten() async throws {
        try await withClient { client, platform in
            try await TestAccounts.create("sysadmin", role: .systemAdmin, area: SampleAreas.township, in: platform.database)
            let admin = try await signIn(client, username: "sysadmin")
            let valid = "name=平台&url=https%3A%2F%2Fhooks.example.cn%2Ffq&area=\(SampleAreas.village)"
            let cases: [(String, String)] = [
                (valid.replacingOccurrences(of: "name=平台", with: "name=%20"), "请填写订阅名称"),
                (valid.replacingOccurrences(of: "name=平台", with: "name=" + String(repeating: "长", count: 61)), "订阅名称"),
                (valid.replacingOccurrences(of: "https%3A%2F%2Fhooks.example.cn%2Ffq", with: "ftp%3A%2F%2Fhooks.example.cn"), "接收地址应为"),
                (valid.replacingOccurrences(of: "https%3A%2F%2Fhooks.example.cn%2Ffq", with: "not%20a%20url"), "接收地址应为"),
                (valid.replacingOccurrences(of: "https%3A%2F%2Fhooks.example.cn%2Ffq", with: "https%3A%2F%2Fuser%3Apw%40hooks.example.cn"), "接收地址应为"),
                (valid.replacingOccurrences(of: "https%3A%2F%2Fhooks.example.cn%2Ffq", with: ""), "接收地址"),
                (valid.replacingOccurrences(of: SampleAreas.village, with: "999999999999"), "辖区内没有该区域编码"),
                // The county lies above the administrator's township: outside reads like unknown.
                (valid.replacingOccurrences(of: SampleAreas.village, with: SampleAreas.county), "辖区内没有该区域编码"),
            ]
            for (fields, message) in cases {
                let response = try await Self.create(client, admin, fields)
                XCTAssertEqual(response.status, .unprocessableContent, fields)
                XCTAssertTrue(response.text.contains(message), "\(fields): \(message)")
                XCTAssertTrue(response.text.contains(#"aria-invalid="true""#), fields)
                XCTAssertFalse(response.text.contains("whsec_"), fields)
            }
            let none = try await Self.count(platform)
            XCTAssertEqual(none, 0)
            do {
                _ = try await WebhookSubscriptions(platform: platform).create(
                    name: "x", url: "https://a.example.cn", events: ["teleported"], area: SampleAreas.village,
                    by: .commandLine("test"))
                XCTFail("an unknown event type")
            } catch DomainError.validation(let fields) {
                XCTAssertEqual(fields.map(\.field), ["events"])
            }
        }
    }

    func testOnlyThoseWhoManageNotificationsInTheJurisdictionReachTheSubscriptions() async throws {
        try await withClient { client, platform in
            let subscription = try await WebhookSubscriptions(platform: platform).create(
                name: "县级", url: "https://a.example.cn/h", events: [], area: SampleAreas.county, by: .commandLine("test"))
            try await TestAccounts.create("security", role: .securityAdmin, area: SampleAreas.county, in: platform.database)
            try await TestAccounts.create("township_admin", role: .systemAdmin, area: SampleAreas.township, in: platform.database)
            let security = try await signIn(client, username: "security")
            for uri in ["/admin/webhooks", "/admin/webhooks/\(subscription.id)"] {
                let response = try await client.execute(uri: uri, method: .get, headers: security.headers)
                XCTAssertEqual(response.status, .forbidden, uri)
            }
            let refused = try await Self.create(client, security, "name=x&url=https%3A%2F%2Fa.example.cn&area=\(SampleAreas.village)")
            XCTAssertEqual(refused.status, .forbidden)
            let anonymous = try await client.execute(uri: "/admin/webhooks", method: .get, headers: htmlHeaders)
            XCTAssertNotEqual(anonymous.status, .ok)

            // A township's administrator does not see the county's subscription.
            let township = try await signIn(client, username: "township_admin")
            let list = try await client.execute(uri: "/admin/webhooks", method: .get, headers: township.headers)
            XCTAssertFalse(list.text.contains("县级"))
            let log = try await client.execute(uri: "/admin/webhooks/\(subscription.id)", method: .get, headers: township.headers)
            XCTAssertEqual(log.status, .notFound)
            let disable = try await client.execute(uri: "/admin/webhooks/\(subscription.id)/disable", method: .post,
                                                   headers: township.formHeaders(), body: ByteBuffer(string: "_csrf=\(township.csrf)"))
            XCTAssertEqual(disable.status, .notFound)
            let nonsense = try await client.execute(uri: "/admin/webhooks/abc", method: .get, headers: township.headers)
            XCTAssertEqual(nonsense.status, .notFound)
            let one = try await Self.count(platform)
            XCTAssertEqual(one, 1)
        }
    }
}
