import FengqiaoDomain
@testable import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Webhook subscriptions end to end on SQLite and PostgreSQL: the signature over `timestamp.body`, the fan-out
/// from case events to the subscribers whose event types and area fit (once per event), and delivery through
/// the outbox to a local receiver that fails first and then takes it, with every attempt logged.
final class WebhookSubscriptionTests: XCTestCase {
    static let admin = Administrator.commandLine("test")
    static let otherVillage = "150207001002"

    func testTheSignatureIsTheHMACOfTimestampDotBody() {
        let body = Data(#"{"event":"accepted"}"#.utf8)
        // Computed independently: HMAC-SHA256("whsec_test-secret", "1795399200." + body), hex.
        let expected = "sha256=0297455ff90101f69f60e13846f62209006b3a127195fcfacb4d467effd7c132"
        XCTAssertEqual(WebhookSignature.sign(timestamp: "1795399200", body: body, secret: "whsec_test-secret"), expected)
        XCTAssertTrue(WebhookSignature.verify(expected, timestamp: "1795399200", body: body, secret: "whsec_test-secret"))
        XCTAssertFalse(WebhookSignature.verify(expected, timestamp: "1795399201", body: body, secret: "whsec_test-secret"))
        XCTAssertFalse(WebhookSignature.verify(expected, timestamp: "1795399200", body: body + Data(" ".utf8), secret: "whsec_test-secret"))
        XCTAssertFalse(WebhookSignature.verify(expected, timestamp: "1795399200", body: body, secret: "whsec_other"))
        XCTAssertFalse(WebhookSignature.verify("sha256=00", timestamp: "1795399200", body: body, secret: "whsec_test-secret"))
        XCTAssertFalse(WebhookSignature.verify(expected, body: body, secret: "whsec_test-secret"), "the body alone is not what is signed")
    }

    static func report(_ platform: Platform, phone: String = "13812345678") async throws -> ReportReceipt {
        try await ReportIntake(platform: platform).submit(ReportSubmission(
            kind: "dispute", description: "邻居装修噪音扰民已经一周", latitude: SampleAreas.pointInGrid.latitude,
            longitude: SampleAreas.pointInGrid.longitude, contactName: "张伟", contactPhone: phone))
    }

    static func outbox(_ platform: Platform) async throws -> [NotificationRecord] {
        try await platform.database.read { db in
            try await db.select().column("*").from("notification_outbox").where("channel", .equal, "subscription")
                .orderBy("id").all()
                .map { try $0.decode(model: NotificationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
        }
    }

    func testEventsFanOutOnlyToSubscribersWhoseTypesAndAreaFit() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await db.write { sql in
                try await AreaRepository(sql).insert([AreaRecord(code: Self.otherVillage, parentCode: SampleAreas.township,
                                                                 level: "village", name: "另一社区", createdAt: 0)])
            }
            let platform = try TestPlatform.make(database: db)
            let subscriptions = WebhookSubscriptions(platform: platform)
            let fanOut = WebhookFanOut(platform: platform)
            // History before the first subscription is not sent.
            _ = try await Self.report(platform)
            let idle = try await fanOut.run()
            XCTAssertEqual(idle, 0, "no subscription, no cursor, nothing read")

            let village = try await subscriptions.create(name: "本社区全部", url: "https://a.example.cn/h", events: [],
                                                         area: SampleAreas.village, by: Self.admin)
            let county = try await subscriptions.create(name: "区级立案", url: "https://b.example.cn/h", events: ["accepted"],
                                                        area: SampleAreas.county, by: Self.admin)
            let elsewhere = try await subscriptions.create(name: "另一社区", url: "https://c.example.cn/h", events: [],
                                                           area: Self.otherVillage, by: Self.admin)
            let stopped = try await subscriptions.create(name: "已停用", url: "https://d.example.cn/h", events: [],
                                                         area: SampleAreas.county, by: Self.admin)
            try await subscriptions.disable(id: stopped.id, by: Self.admin)

            let receipt = try await Self.report(platform)
            let firstRun = try await fanOut.run()
            XCTAssertEqual(firstRun, 1)
            var rows = try await Self.outbox(platform)
            XCTAssertEqual(rows.map(\.recipient), ["subscription:\(village.id)"], "\(db.kind)")
            let again = try await fanOut.run()
            XCTAssertEqual(again, 0, "each event once")

            // Accepting the case: the county's subscriber (accepted only) and the village's (everything).
            let dispatcher = Caller(staff: Staff(accountID: 1, username: "d", displayName: "调度", role: .dispatcher,
                                                 jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))), ip: "t")
            _ = try await CaseEngine(platform: platform).perform(CaseCommandRequest(name: .accept), caseNumber: receipt.number,
                                                                 caller: dispatcher)
            let accepted = try await fanOut.run()
            XCTAssertEqual(accepted, 2)
            rows = try await Self.outbox(platform)
            XCTAssertEqual(Set(rows.dropFirst().map(\.recipient)), ["subscription:\(village.id)", "subscription:\(county.id)"])
            XCTAssertFalse(rows.contains { $0.recipient == "subscription:\(elsewhere.id)" || $0.recipient == "subscription:\(stopped.id)" })

            let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(rows[0].payload.utf8)) as? [String: Any])
            XCTAssertEqual(body["event"] as? String, "reported")
            let kase = try XCTUnwrap(body["case"] as? [String: Any])
            XCTAssertEqual(kase["number"] as? String, receipt.number)
            XCTAssertEqual(kase["gridCode"] as? String, SampleAreas.grid)
            for secret in ["13812345678", "张伟", "噪音", receipt.trackingCode.replacingOccurrences(of: "-", with: "")] {
                XCTAssertFalse(rows.map(\.payload).joined().contains(secret), secret)
            }
        }
    }

    func testADeliveryIsSignedRetriedUntilTakenAndLogged() async throws {
        try await TestDatabases.each { db in
            let receiver = FakeSubscriber(statuses: [500])
            try await receiver.start()
            do {
                try await SampleAreas.insert(into: db)
                let clock = ManualClock()
                let platform = try TestPlatform.make(database: db, clock: clock)
                let subscriptions = WebhookSubscriptions(platform: platform)
                let issued = try await subscriptions.create(name: "本地接收", url: receiver.url, events: ["reported"],
                                                            area: SampleAreas.county, by: Self.admin)
                receiver.secret = issued.secret
                XCTAssertTrue(issued.secret.hasPrefix("whsec_"))
                let stored = try await platform.database.read { try await WebhookRepository($0).find(id: issued.id) }
                XCTAssertFalse(try XCTUnwrap(stored).secretCipher.contains(issued.secret), "the secret is stored sealed")

                let receipt = try await Self.report(platform)
                try await WebhookFanOut(platform: platform).run()
                let dispatcher = NotificationDelivery().dispatcher(platform)
                let first = try await dispatcher.deliverDueBatch()
                XCTAssertEqual(first.retrying, 1, "\(db.kind)")
                var rows = try await Self.outbox(platform)
                var row = try XCTUnwrap(rows.first)
                XCTAssertEqual(row.state, "pending")
                XCTAssertEqual(row.lastError, "Webhook订阅:接收方返回 HTTP 500")
                let early = try await dispatcher.deliverDueBatch()
                XCTAssertEqual(early.claimed, 0, "not before the backoff has passed")

                var log = try await subscriptions.log(id: issued.id, by: Self.admin)
                XCTAssertEqual(log.attempts.map(\.statusCode), [500])
                XCTAssertEqual(log.deliveries.first?.state, "pending")
                XCTAssertNotNil(log.deliveries.first?.nextAttemptAt)
                XCTAssertEqual(log.deliveries.first?.caseNumber, receipt.number)

                clock.advance(minutes: 60)
                let second = try await dispatcher.deliverDueBatch()
                XCTAssertEqual(second.sent, 1)
                rows = try await Self.outbox(platform)
                row = try XCTUnwrap(rows.first)
                XCTAssertEqual(row.state, "sent")
                let received = receiver.received
                XCTAssertEqual(received.count, 2)
                XCTAssertTrue(received.allSatisfy(\.signatureValid), "both attempts signed with the subscriber's secret")
                XCTAssertEqual(Set(received.compactMap(\.delivery)), [row.dedupeKey], "the same delivery key on the retry")
                XCTAssertEqual(received.last?.timestamp, String(Int64(clock.now().timeIntervalSince1970)))
                XCTAssertEqual(received.last?.body, row.payload)
                log = try await subscriptions.log(id: issued.id, by: Self.admin)
                XCTAssertEqual(log.attempts.map(\.statusCode), [200, 500])
                XCTAssertEqual(log.deliveries.first?.state, "sent")
                XCTAssertEqual(log.deliveries.first?.retriable, false)

                // A manual retry of a delivered row is refused; one of another subscription is not found.
                do {
                    try await subscriptions.retry(id: issued.id, delivery: row.id, by: Self.admin)
                    XCTFail("a delivered row is not queued again")
                } catch let error as DomainError {
                    XCTAssertEqual(error.code, "delivery_in_flight")
                }
                let other = try await subscriptions.create(name: "另一个", url: receiver.url, events: [], area: SampleAreas.county,
                                                           by: Self.admin)
                do {
                    try await subscriptions.retry(id: other.id, delivery: row.id, by: Self.admin)
                    XCTFail("a row of another subscription")
                } catch let error as DomainError {
                    XCTAssertEqual(error.code, "not_found")
                }

                // A disabled subscription gets nothing new; a receiver that refuses a delivery (401) has it retried by hand.
                try await subscriptions.disable(id: other.id, by: Self.admin)
                _ = try await Self.report(platform, phone: "13812345679")
                try await WebhookFanOut(platform: platform).run()
                rows = try await Self.outbox(platform)
                XCTAssertEqual(rows.count, 2, "only the live subscriber gets the new report")
                receiver.secret = "whsec_wrong"
                _ = try await dispatcher.deliverDueBatch()
                rows = try await Self.outbox(platform)
                let refused = try XCTUnwrap(rows.last)
                XCTAssertEqual(refused.lastError, "Webhook订阅:接收方返回 HTTP 401", "a receiver with another secret refuses it")
                receiver.secret = issued.secret
                try await subscriptions.retry(id: issued.id, delivery: refused.id, by: Self.admin)
                let retried = try await dispatcher.deliverDueBatch()
                XCTAssertEqual(retried.sent, 1)
                let audit = try await platform.database.read { db in
                    try await db.select().column("action").from("audit_log").where("action", .like, "webhook.%").all()
                        .map { try $0.decode(column: "action", as: String.self) }
                }
                XCTAssertEqual(audit.sorted(), ["webhook.create", "webhook.create", "webhook.disable", "webhook.retry"])
            } catch {
                await receiver.stop()
                throw error
            }
            await receiver.stop()
        }
    }
}
