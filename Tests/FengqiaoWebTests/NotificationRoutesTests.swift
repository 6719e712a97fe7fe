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

/// The inbox (`/inbox`, `/api/v1/inbox`) and the administrators' outbox (`/admin/outbox`), on both engines.
final class NotificationRoutesTests: XCTestCase {
    func withClient(_ body: @escaping @Sendable (any TestClientProtocol, Platform) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in try await body(client, platform) }
        }
    }

    static func message(_ account: Int64, _ title: String, kind: String = "notice", in platform: Platform) async throws {
        try await platform.database.write { db in
            try await InboxRepository(db).insert(InboxMessageRecord(
                accountId: account, outboxId: nil, caseId: nil, kind: kind, title: title, body: "\(title)的正文",
                createdAt: TestPlatform.referenceDate.millisecondsSince1970))
        }
    }

    func testTheInboxListsPagesAndMarksReadOnlyTheCallersMessages() async throws {
        try await withClient { client, platform in
            let worker = try await TestAccounts.create("worker", role: .gridWorker, area: SampleAreas.grid, in: platform.database)
            let other = try await TestAccounts.create("other", role: .gridWorker, area: SampleAreas.grid, in: platform.database)
            for n in 1...3 { try await Self.message(worker, "预警\(n)", in: platform) }
            try await Self.message(worker, "请电话联系:张三", kind: "task", in: platform)
            try await Self.message(other, "别人的消息", in: platform)
            let browser = try await signIn(client, username: "worker")

            let page = try await client.execute(uri: "/inbox", method: .get, headers: browser.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("4 条未读"), page.text)
            XCTAssertTrue(page.text.contains(#"<a href="/inbox" aria-current="page">消息<span class="badge" aria-label="未读消息">4</span></a>"#),
                          "the unread count in the navigation")
            XCTAssertTrue(page.text.contains("请电话联系:张三"))
            XCTAssertTrue(page.text.contains("待办"))
            XCTAssertFalse(page.text.contains("别人的消息"))

            // JSON, keyset paging.
            var api = try await client.execute(uri: "/api/v1/inbox?limit=3", method: .get, headers: [.cookie: browser.cookie])
            XCTAssertEqual(api.status, .ok)
            var json = try api.json()
            let first = try XCTUnwrap(json["messages"] as? [[String: Any]])
            XCTAssertEqual(first.map { $0["title"] as? String }, ["请电话联系:张三", "预警3", "预警2"])
            XCTAssertEqual(json["unread"] as? Int, 4)
            let next = try XCTUnwrap(json["next"] as? String)
            api = try await client.execute(uri: "/api/v1/inbox?limit=3&cursor=\(next)", method: .get, headers: [.cookie: browser.cookie])
            json = try api.json()
            XCTAssertEqual((json["messages"] as? [[String: Any]])?.map { $0["title"] as? String }, ["预警1"])
            XCTAssertTrue(json["next"] is NSNull)
            let bad = try await client.execute(uri: "/api/v1/inbox?cursor=abc", method: .get, headers: [.cookie: browser.cookie])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains(#""field":"cursor""#), bad.text)
            let tooMany = try await client.execute(uri: "/api/v1/inbox?limit=1000", method: .get, headers: [.cookie: browser.cookie])
            XCTAssertEqual(tooMany.status, .unprocessableContent)

            // Marking read: the CSRF token is required, someone else's message does not exist.
            let id = try XCTUnwrap(first.first?["id"] as? Int)
            let noCSRF = try await client.execute(uri: "/inbox/\(id)/read", method: .post, headers: browser.formHeaders(),
                                                  body: ByteBuffer(string: ""))
            XCTAssertEqual(noCSRF.status, .forbidden)
            let read = try await client.execute(uri: "/inbox/\(id)/read", method: .post, headers: browser.formHeaders(),
                                                body: ByteBuffer(string: "_csrf=\(browser.csrf)"))
            XCTAssertEqual(read.status, .seeOther)
            let othersID = try await platform.database.read { db in
                try await InboxRepository(db).page(accountId: other, before: nil, unreadOnly: false, limit: 1).first?.id
            }
            let foreign = try await client.execute(uri: "/inbox/\(othersID ?? 0)/read", method: .post,
                                                   headers: browser.formHeaders(), body: ByteBuffer(string: "_csrf=\(browser.csrf)"))
            XCTAssertEqual(foreign.status, .notFound)
            let stillUnread = try await platform.database.read { try await InboxRepository($0).unreadCount(accountId: other) }
            XCTAssertEqual(stillUnread, 1)
            let unreadPage = try await client.execute(uri: "/inbox?unread=1", method: .get, headers: browser.headers)
            XCTAssertTrue(unreadPage.text.contains("3 条未读"))
            XCTAssertFalse(unreadPage.text.contains("请电话联系:张三"), "read messages leave the unread view")

            let all = try await client.execute(uri: "/inbox/read-all", method: .post, headers: browser.formHeaders(),
                                               body: ByteBuffer(string: "_csrf=\(browser.csrf)"))
            XCTAssertEqual(all.status, .seeOther)
            let after = try await client.execute(uri: "/inbox", method: .get, headers: browser.headers)
            XCTAssertTrue(after.text.contains("没有未读消息"))
            XCTAssertFalse(after.text.contains(#"class="badge" aria-label="未读消息""#))
        }
    }

    func testTheSystemAdminSeesFailedRowsInTheJurisdictionAndRetriesThemAudited() async throws {
        try await withClient { client, platform in
            try await TestAccounts.create("sysadmin", role: .systemAdmin, area: SampleAreas.township, in: platform.database)
            try await TestAccounts.create("dispatcher", role: .dispatcher, area: SampleAreas.township, in: platform.database)
            let (failed, outside, sent) = try await platform.database.write { db -> (Int64, Int64, Int64) in
                let outbox = NotificationOutboxRepository(db)
                var ids: [Int64] = []
                for (key, state, area) in [("f", "failed", SampleAreas.grid), ("o", "failed", "150207002001001"),
                                           ("s", "sent", SampleAreas.grid)] {
                    try await outbox.enqueue(dedupeKey: key, channel: "sms", recipient: "grid:\(area)", caseId: nil,
                                             payload: #"{"title":"浓烟火情"}"#, at: 0)
                    let id = try await db.select().column("id").from("notification_outbox").where("dedupe_key", .equal, key)
                        .first()?.decode(column: "id", as: Int64.self) ?? 0
                    try await db.update("notification_outbox").set("state", to: state).set("attempts", to: 8)
                        .set("area_code", to: area).set("last_error", to: "短信网关返回 HTTP 500").where("id", .equal, id).run()
                    ids.append(id)
                }
                return (ids[0], ids[1], ids[2])
            }
            let admin = try await signIn(client, username: "sysadmin")
            let page = try await client.execute(uri: "/admin/outbox", method: .get, headers: admin.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("浓烟火情"))
            XCTAssertTrue(page.text.contains("短信网关返回 HTTP 500"))
            XCTAssertTrue(page.text.contains(#"action="/admin/outbox/\#(failed)/retry""#))
            XCTAssertFalse(page.text.contains(#"action="/admin/outbox/\#(outside)/retry""#), "outside the jurisdiction")
            XCTAssertTrue(page.text.contains(#"<a href="/admin/outbox" aria-current="page">通知发送</a>"#), "the navigation offers it")
            let badState = try await client.execute(uri: "/admin/outbox?state=lost", method: .get, headers: admin.headers)
            XCTAssertEqual(badState.status, .unprocessableContent)

            let retry = try await client.execute(uri: "/admin/outbox/\(failed)/retry", method: .post, headers: admin.formHeaders(),
                                                 body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            XCTAssertEqual(retry.status, .seeOther)
            let row = try await platform.database.read { try await NotificationOutboxRepository($0).find(id: failed) }
            XCTAssertEqual(row?.state, "pending")
            XCTAssertEqual(row?.attempts, 0)
            let audit = try await platform.database.read { db in
                try await db.select().column("action").column("object_id").from("audit_log")
                    .where("action", .equal, "notification.retry").all()
            }
            XCTAssertEqual(audit.count, 1)
            XCTAssertEqual(try audit.first?.decode(column: "object_id", as: String.self), String(failed))

            let noCSRF = try await client.execute(uri: "/admin/outbox/\(failed)/retry", method: .post,
                                                  headers: admin.formHeaders(), body: ByteBuffer(string: ""))
            XCTAssertEqual(noCSRF.status, .forbidden)
            let far = try await client.execute(uri: "/admin/outbox/\(outside)/retry", method: .post, headers: admin.formHeaders(),
                                               body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            XCTAssertEqual(far.status, .notFound)
            let done = try await client.execute(uri: "/admin/outbox/\(sent)/retry", method: .post, headers: admin.formHeaders(),
                                                body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            XCTAssertEqual(done.status, .conflict)
            let missing = try await client.execute(uri: "/admin/outbox/999999/retry", method: .post, headers: admin.formHeaders(),
                                                   body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            XCTAssertEqual(missing.status, .notFound)

            let dispatcher = try await signIn(client, username: "dispatcher")
            let refused = try await client.execute(uri: "/admin/outbox", method: .get, headers: dispatcher.headers)
            XCTAssertEqual(refused.status, .forbidden)
            let refusedRetry = try await client.execute(uri: "/admin/outbox/\(failed)/retry", method: .post,
                                                        headers: dispatcher.formHeaders(),
                                                        body: ByteBuffer(string: "_csrf=\(dispatcher.csrf)"))
            XCTAssertEqual(refusedRetry.status, .forbidden)
        }
    }
}
