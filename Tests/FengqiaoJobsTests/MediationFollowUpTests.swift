import FengqiaoDomain
@testable import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The hourly follow-up of mediation agreements: one job an hour across instances, and each reminder
/// queued once however often the job runs.
final class MediationFollowUpTests: XCTestCase {
    func testTheRunnerQueuesOneFollowUpAnHourAndRemindersStayExactlyOnce() async throws {
        try await TestDatabases.each { db in
            // 2026-09-17 10:00 Beijing: the agreement is reached three days before its deadline, the day its reminder is due.
            let clock = ManualClock((CivilDate("2026-09-17")?.start ?? TestPlatform.referenceDate).addingTimeInterval(36_000))
            let platform = try TestPlatform.make(database: db, clock: clock)
            try await SampleAreas.insert(into: db)
            let dispatcher = CameraFixture.person(.dispatcher, SampleAreas.township, id: 21, name: "调度员")
            let mediator = CameraFixture.person(.mediator, SampleAreas.township, id: 22, name: "调解员")
            let organization = try await MediationRegistry(platform: platform).createOrganization(
                MediationOrganizationSubmission(areaCode: SampleAreas.village, kind: "villageCommittee", name: "康乐社区人民调解委员会"),
                caller: dispatcher)
            let opened = try await MediationCases(platform: platform).open(MediationOpeningSubmission(
                specialty: "邻里", facts: "楼上漏水导致楼下受损", areaCode: SampleAreas.grid, organizationId: organization.id,
                parties: [.init(side: "applicant", name: "李明"), .init(side: "respondent", name: "赵刚")]), caller: dispatcher)
            _ = try await MediationOutcomes(platform: platform).conclude(number: opened.number, MediationConclusionSubmission(
                outcome: "succeeded", agreement: MediationAgreementSubmission(
                    facts: "漏水纠纷", terms: [AgreementTermSubmission(obligor: "respondent", content: "赔偿", amount: "800")],
                    performanceMethod: "byDeadline", performanceDeadline: "2026-09-20")), caller: mediator)

            let first = JobRunner(platform: platform, workerName: "a")
            let second = JobRunner(platform: platform, workerName: "b")
            let key = try await first.scheduleFollowUpWork(after: nil)
            XCTAssertEqual(key, MediationFollowUp.dedupeKey(for: clock.now()))
            _ = try await second.scheduleFollowUpWork(after: nil)
            let jobs = try await db.read { try await JobRepository($0, kind: db.kind).countsByState() }
            XCTAssertEqual(jobs, ["queued": 1], "two instances queue one follow-up an hour")
            XCTAssertTrue(JobRunner.standardHandlers.contains { $0.kind == MediationFollowUp.kind })
            let ran = try await first.runDueJobs()
            XCTAssertEqual(ran, 1)
            // The job again (as a second instance or a retry would run it): nothing new.
            try await MediationFollowUp().run(payload: "{}", platform: platform)
            clock.advance(minutes: 60)
            _ = try await second.scheduleFollowUpWork(after: key)
            let next = try await second.runDueJobs()
            XCTAssertEqual(next, 1, "the next hour runs the next follow-up")
            let reminders = try await db.read { sql in
                try await sql.select().column("dedupe_key").column("recipient").from("notification_outbox")
                    .where("dedupe_key", .like, "mediation-reminder:%").all()
                    .map { "\(try $0.decode(column: "dedupe_key", as: String.self)) \(try $0.decode(column: "recipient", as: String.self))" }
            }
            XCTAssertEqual(reminders.count, 1, "\(reminders)")
            XCTAssertTrue(reminders.first?.hasSuffix(":performanceDue:2026-09-20 account:22") ?? false, "\(reminders)")
        }
    }
}
