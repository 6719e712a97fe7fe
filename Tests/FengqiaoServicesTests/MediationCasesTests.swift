import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Mediation cases on SQLite and PostgreSQL: opened directly (with a case through the engine) or from
/// a case, one open mediation per case, assignment, withdrawal, scope and roles, nothing half-written.
final class MediationCasesTests: XCTestCase {
    func testADirectOpeningOpensAndAcceptsACaseThroughTheEngine() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
            XCTAssertTrue(opened.number.hasPrefix("M150207-2026-"), opened.number)
            XCTAssertEqual(opened.state, "open")
            XCTAssertEqual(opened.source, "direct")
            XCTAssertEqual(opened.mediatorName, "巴特尔")
            XCTAssertEqual(opened.amountYuan, "1234.56")
            XCTAssertEqual(opened.parties.map(\.phone), ["138****5678", "139****4321"])
            XCTAssertEqual(opened.parties.map(\.sideName), ["申请人", "被申请人"])
            // The engine case: 来访, 矛盾纠纷, filed at the grid, accepted at the village tier (the committee's).
            let engineCase = try await CaseEngine(platform: f.platform).view(caseNumber: opened.linkedCase.number,
                                                                             caller: MediationFixture.leader)
            XCTAssertEqual(engineCase.state, "accepted")
            XCTAssertEqual(engineCase.tier, "village")
            XCTAssertEqual(engineCase.category, "邻里纠纷")
            XCTAssertEqual(engineCase.gridCode, SampleAreas.grid)
            XCTAssertEqual(engineCase.amountInvolved, 1234)
            XCTAssertEqual(engineCase.parties.map(\.name), ["李明", "赵刚"])
            XCTAssertEqual(opened.linkedCase.attemptsAtTier, 0)
            XCTAssertEqual(opened.linkedCase.attemptLimit, 3)
            let channel = try await db.read { sql in
                try await sql.select().column("channel").from("cases").first()?.decode(column: "channel", as: String.self)
            }
            XCTAssertEqual(channel, "walkIn")
            // Phones sealed at rest.
            let sealed = try await db.read { sql in
                try await sql.select().column("phone_cipher").from("mediation_parties").orderBy("id").first()?
                    .decode(column: "phone_cipher", as: String.self)
            }
            let cipher = try XCTUnwrap(sealed)
            XCTAssertFalse(cipher.contains("13812345678"))
            XCTAssertEqual(try f.platform.cipher.open(cipher), "13812345678")
            let actions = try await f.auditActions(prefix: "")
            XCTAssertEqual(actions.suffix(3), ["case.open", "case.accept", "mediation_case.open"])

            // A mediator (no acceptCases) opens one too; its case waits for 立案 at the centre.
            let waiting = try await mediations.open(f.directOpening(), caller: MediationFixture.mediator)
            XCTAssertEqual(waiting.linkedCase.state, "reported")
            XCTAssertNotEqual(waiting.linkedCase.number, opened.linkedCase.number)

            let list = try await mediations.list(caller: MediationFixture.leader)
            XCTAssertEqual(list.map(\.number), [waiting.number, opened.number])
            XCTAssertEqual(list.last?.mediatorName, "巴特尔")
            XCTAssertEqual(list.last?.organizationName, "康乐社区人民调解委员会")
        }
    }

    func testOpeningFromACaseTakesItsFactsAndPartiesAndRefusesASecondOpenMediation() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let engine = CaseEngine(platform: f.platform)
            let reported = try await engine.open(CaseOpening(
                channel: "phone", kind: "dispute", description: "邻居装修噪音扰民,多次沟通无果", gridCode: SampleAreas.grid,
                parties: [.init(side: "applicant", name: "孙丽", phone: "13700001111"), .init(side: "respondent", name: "周强")]),
                caller: MediationFixture.dispatcher)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await mediations.open(
                MediationOpeningSubmission(caseNumber: reported.number, specialty: "neighbour", organizationId: f.villageCommittee.id),
                caller: MediationFixture.mediator)
            XCTAssertEqual(opened.source, "case")
            XCTAssertEqual(opened.linkedCase.number, reported.number)
            XCTAssertEqual(opened.facts, "邻居装修噪音扰民,多次沟通无果")
            XCTAssertEqual(opened.areaCode, SampleAreas.grid)
            XCTAssertEqual(opened.parties.map(\.name), ["孙丽", "周强"])
            XCTAssertEqual(opened.parties.first?.phone, "137****1111")
            let caseCount = try await f.count("cases")
            XCTAssertEqual(caseCount, 1, "no second case")

            let before = try await f.counts()
            await expectConflict(try await mediations.open(
                MediationOpeningSubmission(caseNumber: reported.number, specialty: "邻里", organizationId: f.townshipCommittee.id),
                caller: MediationFixture.dispatcher), "mediation_already_open")
            let after = try await f.counts()
            XCTAssertEqual(after, before)

            // Once withdrawn, the case may be mediated again.
            _ = try await mediations.withdraw(number: opened.number, reason: "申请人撤回调解申请", caller: MediationFixture.mediator)
            let again = try await mediations.open(
                MediationOpeningSubmission(caseNumber: reported.number, specialty: "邻里", organizationId: f.townshipCommittee.id),
                caller: MediationFixture.dispatcher)
            XCTAssertEqual(again.state, "open")
            let history = try await mediations.mediations(ofCase: reported.number, caller: MediationFixture.leader)
            XCTAssertEqual(history.map(\.number), [opened.number, again.number])
            XCTAssertEqual(history.map(\.state), ["withdrawn", "open"])

            // A closed case (here: rejected) is not mediated.
            let other = try await engine.open(CaseOpening(channel: "phone", kind: "dispute", description: "不属于受理范围的事项",
                                                          gridCode: SampleAreas.grid), caller: MediationFixture.dispatcher)
            var rejection = CaseCommandBody()
            rejection.reason = "不属于受理范围"
            rejection.channel = "phone"
            _ = try await engine.perform(CaseCommandRequest(name: .reject, body: rejection), caseNumber: other.number,
                                         caller: MediationFixture.dispatcher)
            await expectConflict(try await mediations.open(
                MediationOpeningSubmission(caseNumber: other.number, specialty: "邻里", organizationId: f.villageCommittee.id),
                caller: MediationFixture.dispatcher), "case_not_open")
            // A case outside the jurisdiction is not found.
            await expectError(try await mediations.open(
                MediationOpeningSubmission(caseNumber: reported.number, specialty: "邻里", organizationId: f.awayCommittee.id),
                caller: MediationFixture.outsider), .notFound(what: "案件"))
        }
    }
}
