import FengqiaoDomain
@testable import FengqiaoJobs
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The 12345 status webhook end to end on SQLite and PostgreSQL: an imported work order's case changes
/// state, the outbox row is posted to a local receiver that checks the HMAC-SHA256 signature, a failure
/// is retried with backoff, a wrong secret is refused by the receiver, and without a configured URL the
/// rows are skipped.
final class WebhookAdapterTests: XCTestCase {
    static let secret = "shared-secret-of-the-12345-platform"

    /// An imported work order, accepted: one webhook row queued. Returns the platform, clock and row id.
    static func acceptedOrder(_ db: any Database) async throws -> (Platform, ManualClock, Int64) {
        try await SampleAreas.insert(into: db)
        let clock = ManualClock()
        let platform = try TestPlatform.make(database: db, clock: clock)
        let desk = Caller(staff: Staff(accountID: 1, username: "desk", displayName: "desk", role: .dispatcher,
                                       jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.township)))), ip: "test")
        let file = CSVWriter().write(header: ["工单编号", "来电时间", "诉求内容", "地址", "诉求类型"], rows: [
            ["GD-W-1", "2026-11-22 09:00", "小区门口占道经营影响通行", "康乐社区第1网格", "占道经营"],
        ])
        let report = try await HotlineImport(platform: platform).run(data: file, filename: "w.csv", caller: desk)
        let number = try XCTUnwrap(report.items.first?.caseNumber, "\(report.problems)")
        _ = try await CaseEngine(platform: platform).perform(CaseCommandRequest(name: .accept), caseNumber: number, caller: desk)
        let id = try await db.read { sql in
            try await sql.select().column("id").from("notification_outbox").where("channel", .equal, "webhook").first()?
                .decode(column: "id", as: Int64.self)
        }
        return (platform, clock, try XCTUnwrap(id, "accepting the imported case queues a webhook row"))
    }

    static func row(_ id: Int64, _ platform: Platform) async throws -> NotificationRecord {
        let found = try await platform.database.read { try await NotificationOutboxRepository($0).find(id: id) }
        return try XCTUnwrap(found)
    }

    func testAStatusChangeIsPostedSignedAndRetriedUntilTheReceiverTakesIt() async throws {
        try await TestDatabases.each { db in
            let receiver = FakeWebhookReceiver(secret: Self.secret, statuses: [503])
            try await receiver.start()
            do {
                let (platform, clock, id) = try await Self.acceptedOrder(db)
                let adapter = WebhookAdapter(settings: try WebhookSettings(url: receiver.url, secret: Self.secret))
                let dispatcher = NotificationDispatcher(platform: platform, adapters: [.webhook: adapter], workerName: "t",
                                                        jitter: { 0 })
                _ = try await dispatcher.drain()
                var row = try await Self.row(id, platform)
                XCTAssertEqual(row.state, "pending", "\(db.kind)")
                XCTAssertEqual(row.lastError, "12345热线回传接口:回传接口返回 HTTP 503")
                XCTAssertFalse(row.lastError?.contains("127.0.0.1") ?? true, "no URL in the error")

                _ = try await dispatcher.drain()
                XCTAssertEqual(receiver.received.count, 1, "not again before the backoff has passed")
                clock.advance(minutes: 1)
                _ = try await dispatcher.drain()
                row = try await Self.row(id, platform)
                XCTAssertEqual(row.state, "sent")
                XCTAssertEqual(row.attempts, 2)

                let received = receiver.received
                XCTAssertEqual(received.count, 2)
                XCTAssertTrue(received.allSatisfy(\.signatureValid), "the receiver verified the signature each time")
                XCTAssertEqual(Set(received.compactMap(\.delivery)), [row.dedupeKey], "the same delivery id on a retry")
                XCTAssertEqual(received.last?.contentType, "application/json; charset=utf-8")
                XCTAssertEqual(received.last?.body, row.payload, "the body is the payload, byte for byte")
                let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(row.payload.utf8)) as? [String: Any])
                XCTAssertEqual(json["workOrderNumber"] as? String, "GD-W-1")
                XCTAssertEqual(json["state"] as? String, "accepted")
                XCTAssertEqual(json["previousState"] as? String, "reported")
                XCTAssertEqual(json["stateName"] as? String, "已立案")
            } catch {
                await receiver.stop()
                throw error
            }
            await receiver.stop()
        }
    }

    func testAWrongSecretIsRefusedByTheReceiverAndNoURLSkipsTheRow() async throws {
        try await TestDatabases.each { db in
            let receiver = FakeWebhookReceiver(secret: Self.secret)
            try await receiver.start()
            do {
                let (platform, _, id) = try await Self.acceptedOrder(db)
                let wrong = WebhookAdapter(settings: try WebhookSettings(url: receiver.url, secret: "not-the-shared-secret!"))
                _ = try await NotificationDispatcher(platform: platform, adapters: [.webhook: wrong], workerName: "t",
                                                     jitter: { 0 }).drain()
                let row = try await Self.row(id, platform)
                XCTAssertEqual(row.state, "pending")
                XCTAssertEqual(row.lastError, "12345热线回传接口:回传接口返回 HTTP 401")
                XCTAssertEqual(receiver.received.map(\.signatureValid), [false])
            } catch {
                await receiver.stop()
                throw error
            }
            await receiver.stop()
        }
        try await TestDatabases.withSQLite { db in
            let (platform, _, id) = try await Self.acceptedOrder(db)
            _ = try await NotificationDispatcher(platform: platform, workerName: "t", jitter: { 0 }).drain()
            let row = try await Self.row(id, platform)
            XCTAssertEqual(row.state, "skipped")
            XCTAssertEqual(row.lastError, "未配置Webhook回传通道(FENGQIAO_HOTLINE_WEBHOOK_URL),已跳过")
        }
    }

    static let expectedHMAC = "c3a92ff9e274cdcce27a58c15a78ec6dcbbdbd0038a87e7a11baef2028fd8bff"

    func testSignaturesAndSettings() throws {
        let body = Data(#"{"a":1}"#.utf8)
        let signature = WebhookSignature.sign(body, secret: "k")
        // HMAC-SHA256("k", {"a":1}), computed independently with `openssl dgst -sha256 -hmac k`.
        XCTAssertEqual(signature, "sha256=" + Self.expectedHMAC)
        XCTAssertTrue(WebhookSignature.verify(signature, body: body, secret: "k"))
        XCTAssertFalse(WebhookSignature.verify(signature, body: Data(#"{"a":2}"#.utf8), secret: "k"))
        XCTAssertFalse(WebhookSignature.verify(signature, body: body, secret: "j"))
        XCTAssertThrowsError(try WebhookSettings(url: "ftp://x/y", secret: Self.secret))
        XCTAssertThrowsError(try WebhookSettings(url: "https://hotline.example/hook", secret: "short"))
        XCTAssertThrowsError(try WebhookSettings(url: "https://hotline.example/hook", secret: nil))
        let settings = try WebhookSettings(url: "https://hotline.example/hook?key=sk-1", secret: Self.secret)
        XCTAssertFalse("\(settings)".contains("sk-1"))
        XCTAssertFalse(String(reflecting: settings).contains(Self.secret))
        let message = OutboxMessage(id: 1, channel: .webhook, kind: .notice, caseId: 1, title: "t", body: "{}", dedupeKey: "k")
        let request = WebhookAdapter(settings: settings).request(message)
        XCTAssertEqual(request.httpMethod, "POST")
        XCTAssertEqual(request.value(forHTTPHeaderField: "X-Fengqiao-Signature"),
                       WebhookSignature.sign(Data("{}".utf8), secret: Self.secret))
    }
}
