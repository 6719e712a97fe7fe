import FengqiaoDomain
@testable import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

final class NotificationDispatcherTests: XCTestCase {
    func testInAppRowsReachTheDepartmentTheGridAndOneAccountOnce() async throws {
        try await TestDatabases.each { db in
            let f = try await NotificationFixture.make(db)
            let toDepartment = try await f.enqueue("d", recipient: "department:\(f.department)")
            let toGrid = try await f.enqueue("g", recipient: "grid:\(SampleAreas.grid)")
            let toAccount = try await f.enqueue("a", recipient: "account:\(f.worker)")
            let clockPayload = #"{"case":"JY20261123000001","clock":"handling","clockName":"办理","status":"overdue","dueAt":1795399200000}"#
            let clockRow = try await f.enqueue("c", recipient: "account:\(f.leader)", payload: clockPayload)

            let report = try await f.dispatcher().drain()
            XCTAssertEqual(report.claimed, 4, "\(db.kind)")
            XCTAssertEqual(report.sent, 4)

            let department = try await f.inbox(toDepartment)
            XCTAssertEqual(Set(department.map(\.accountId)), Set(f.handlers), "active department staff only")
            XCTAssertEqual(department.first?.title, "测试通知")
            XCTAssertEqual(department.first?.body, "请查收")
            let grid = try await f.inbox(toGrid)
            XCTAssertEqual(Set(grid.map(\.accountId)), [f.leader, f.worker], "the grid's leader and workers, not its police post")
            let account = try await f.inbox(toAccount)
            XCTAssertEqual(account.map(\.accountId), [f.worker])
            let clock = try await f.inbox(clockRow)
            XCTAssertEqual(clock.first?.title, "案件JY20261123000001办理已超时")
            XCTAssertTrue(clock.first?.body.contains("2026-11-23 10:00") ?? false, clock.first?.body ?? "")

            let row = try await f.row(toDepartment)
            XCTAssertEqual(row.state, "sent")
            XCTAssertEqual(row.sentAt, f.clock.now().millisecondsSince1970)
            XCTAssertEqual(row.attempts, 1)
            XCTAssertEqual(row.areaCode, SampleAreas.township, "the department's area")
            let hoisted1 = try await f.row(toGrid).areaCode
            XCTAssertEqual(hoisted1, SampleAreas.grid)

            let again = try await f.dispatcher().drain()
            XCTAssertEqual(again.claimed, 0, "a sent row is not sent again")
            let hoisted2 = try await f.inbox(toDepartment).count
            XCTAssertEqual(hoisted2, 2)
        }
    }

    func testUndeliverableRowsFailOrAreSkippedWithAClearError() async throws {
        try await TestDatabases.each { db in
            let f = try await NotificationFixture.make(db)
            let badRecipient = try await f.enqueue("r", recipient: "people:1")
            let badChannel = try await f.enqueue("c", channel: "pigeon", recipient: "account:\(f.worker)")
            let sms = try await f.enqueue("s", channel: "sms", recipient: "account:\(f.worker)")
            let email = try await f.enqueue("e", channel: "email", recipient: "account:\(f.worker)")
            let report = try await f.dispatcher().drain()
            XCTAssertEqual(report.failed, 2, "\(db.kind)")
            XCTAssertEqual(report.skipped, 2)

            let r = try await f.row(badRecipient)
            XCTAssertEqual(r.state, "failed")
            XCTAssertEqual(r.lastError, "收件人格式无效“people:1”")
            let c = try await f.row(badChannel)
            XCTAssertEqual(c.state, "failed")
            XCTAssertTrue(c.lastError?.contains("未知的通知渠道") ?? false)
            let s = try await f.row(sms)
            XCTAssertEqual(s.state, "skipped")
            XCTAssertEqual(s.lastError, "未配置短信通道(FENGQIAO_SMS_URL),已跳过")
            XCTAssertNotNil(s.finishedAt)
            let hoisted3 = try await f.row(email).lastError
            XCTAssertEqual(hoisted3, "未配置电子邮件通道(FENGQIAO_SMTP_HOST),已跳过")
            let hoisted4 = try await f.dispatcher().drain().claimed
            XCTAssertEqual(hoisted4, 0, "failed and skipped rows stay put")
        }
    }

    func testACallTaskGoesToTheGridsInboxAsATask() async throws {
        try await TestDatabases.each { db in
            let f = try await NotificationFixture.make(db)
            let id = try await f.enqueue("call", channel: "call", recipient: "grid:\(SampleAreas.grid)",
                                         payload: #"{"title":"浓烟火情预警","body":"康乐小区3号楼,请立即核实"}"#)
            try await f.dispatcher().drain()
            let messages = try await f.inbox(id)
            XCTAssertEqual(Set(messages.map(\.accountId)), [f.leader, f.worker], "\(db.kind)")
            XCTAssertEqual(messages.first?.kind, "task")
            XCTAssertEqual(messages.first?.title, "请电话联系:浓烟火情预警")
            let hoisted5 = try await f.row(id).state
            XCTAssertEqual(hoisted5, "sent")
        }
    }

    func testAFailureIsRetriedWithBackoffOnlyForWhoWasNotReachedAndFailsAfterEightAttempts() async throws {
        try await TestDatabases.each { db in
            let f = try await NotificationFixture.make(db)
            let adapter = RecordingAdapter(failing: [f.handlers[1]])
            let dispatcher = f.dispatcher([.sms: adapter])
            let id = try await f.enqueue("sms", channel: "sms", recipient: "department:\(f.department)")
            var report = try await dispatcher.drain()
            XCTAssertEqual(report.retrying, 1, "\(db.kind)")
            var row = try await f.row(id)
            XCTAssertEqual(row.state, "pending")
            XCTAssertEqual(row.attempts, 1)
            XCTAssertEqual(row.lastError, "测试通道:网关暂不可用")
            // Jitter 0: half of the first 30-second step.
            XCTAssertEqual(row.nextAttemptAt, f.clock.now().addingTimeInterval(15).millisecondsSince1970)
            XCTAssertEqual(adapter.delivered.map(\.account), [f.handlers[0]])

            report = try await dispatcher.drain()
            XCTAssertEqual(report.claimed, 0, "not due before its time")
            f.clock.advance(minutes: 0.25)
            report = try await dispatcher.drain()
            XCTAssertEqual(report.retrying, 1)
            row = try await f.row(id)
            XCTAssertEqual(row.attempts, 2)
            XCTAssertEqual(row.nextAttemptAt, f.clock.now().addingTimeInterval(30).millisecondsSince1970, "the step doubles")
            XCTAssertEqual(adapter.delivered.map(\.account), [f.handlers[0]], "whoever got it is not messaged again")

            adapter.stopFailing()
            f.clock.advance(minutes: 1)
            report = try await dispatcher.drain()
            XCTAssertEqual(report.sent, 1)
            XCTAssertEqual(adapter.delivered.map(\.account), [f.handlers[0], f.handlers[1]])
            let hoisted6 = try await f.row(id).state
            XCTAssertEqual(hoisted6, "sent")

            // One that keeps failing is failed for good after the eighth attempt.
            let stuck = try await f.enqueue("stuck", channel: "sms", recipient: "account:\(f.handlers[1])")
            let broken = f.dispatcher([.sms: RecordingAdapter(failing: [f.handlers[1]])])
            for attempt in 1...8 {
                _ = try await broken.drain()
                let current = try await f.row(stuck)
                XCTAssertEqual(current.attempts, attempt)
                XCTAssertEqual(current.state, attempt < 8 ? "pending" : "failed")
                f.clock.advance(minutes: 61)
            }
            let failed = try await f.row(stuck)
            XCTAssertEqual(failed.lastError, "已尝试8次仍未送达:测试通道:网关暂不可用")
            let hoisted7 = try await broken.drain().claimed
            XCTAssertEqual(hoisted7, 0)
        }
    }

    func testNobodyToReachIsRetriedAndNoAddressFails() async throws {
        try await TestDatabases.each { db in
            let f = try await NotificationFixture.make(db)
            let empty = try await f.enqueue("empty", recipient: "grid:150207001001009")
            let noPhone = try await f.enqueue("nophone", channel: "sms", recipient: "account:\(f.worker)")
            let sms = SMSGatewayAdapter(settings: try SMSGatewaySettings(url: "http://127.0.0.1:9/never"))
            _ = try await f.dispatcher([.sms: sms]).drain()
            let e = try await f.row(empty)
            XCTAssertEqual(e.state, "pending", "\(db.kind): staff may still be posted to the grid")
            XCTAssertEqual(e.lastError, "没有可接收的在岗人员(grid:150207001001009)")
            let n = try await f.row(noPhone)
            XCTAssertEqual(n.state, "failed")
            XCTAssertEqual(n.lastError, "收件人均未登记手机号")
        }
    }

    func testTwoInstancesNeverClaimTheSameRowAndAnExpiredLeaseIsTakenOver() async throws {
        try await TestDatabases.each { db in
            let f = try await NotificationFixture.make(db)
            for n in 0..<30 { try await f.enqueue("n\(n)", recipient: "account:\(f.worker)") }
            let now = f.clock.now()
            let kind = db.kind
            async let a = db.write { try await NotificationOutboxRepository($0).claim(token: "a", limit: 20, lease: 60, now: now, kind: kind) }
            async let b = db.write { try await NotificationOutboxRepository($0).claim(token: "b", limit: 20, lease: 60, now: now, kind: kind) }
            let (first, second) = try await (a, b)
            XCTAssertEqual(first.count + second.count, 30, "\(db.kind)")
            XCTAssertTrue(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
            let none = try await db.write { try await NotificationOutboxRepository($0).claim(token: "c", limit: 50, lease: 60, now: now, kind: kind) }
            XCTAssertEqual(none, [], "claimed rows are leased")

            // Worker a dies; after its lease another takes its rows, and a's late answer changes nothing.
            let later = now.addingTimeInterval(61)
            let retaken = try await db.write { try await NotificationOutboxRepository($0).claim(token: "c", limit: 50, lease: 60, now: later, kind: kind) }
            XCTAssertEqual(retaken.count, 30)
            let id = try XCTUnwrap(first.first?.id)
            let stale = try await db.write { try await NotificationOutboxRepository($0).markSent(id: id, token: "a", at: 1) }
            XCTAssertFalse(stale)
            let hoisted8 = try await f.row(id).state
            XCTAssertEqual(hoisted8, "pending")
            let hoisted9 = try await f.row(id).attempts
            XCTAssertEqual(hoisted9, 2)
        }
    }

    func testBackoffDoublesUpToTheCapWithJitterAndStopsAtTheLimit() {
        let backoff = DeliveryBackoff()
        XCTAssertEqual(backoff.delay(afterAttempt: 1, jitter: 0), 15)
        XCTAssertEqual(backoff.delay(afterAttempt: 1, jitter: 1), 30)
        XCTAssertEqual(backoff.delay(afterAttempt: 3, jitter: 0.5), 90)
        XCTAssertEqual(backoff.delay(afterAttempt: 7, jitter: 1), 1920)
        XCTAssertNil(backoff.delay(afterAttempt: 8, jitter: 0))
        let capped = DeliveryBackoff(base: 30, cap: 100, maxAttempts: 20)
        XCTAssertEqual(capped.delay(afterAttempt: 15, jitter: 1), 100)
    }

    func testTheRunnerQueuesOneDeliveryRunPerSlotAndRunsIt() async throws {
        try await TestDatabases.each { db in
            let f = try await NotificationFixture.make(db)
            let id = try await f.enqueue("job", recipient: "account:\(f.worker)")
            let runner = JobRunner(platform: f.platform, workerName: "a")
            let key = try await runner.scheduleDeliveryWork(after: nil)
            XCTAssertEqual(key, NotificationDelivery.dedupeKey(for: f.clock.now()))
            _ = try await JobRunner(platform: f.platform, workerName: "b").scheduleDeliveryWork(after: nil)
            let queued = try await db.read { try await JobRepository($0, kind: db.kind).countsByState() }
            XCTAssertEqual(queued, ["queued": 1], "\(db.kind)")
            let hoisted10 = try await runner.runDueJobs()
            XCTAssertEqual(hoisted10, 1)
            let hoisted11 = try await f.row(id).state
            XCTAssertEqual(hoisted11, "sent")
            let hoisted12 = try await f.inbox(id).map(\.accountId)
            XCTAssertEqual(hoisted12, [f.worker])
        }
    }
}
