import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Satisfaction surveys below the web on SQLite and PostgreSQL: drawing a round's call list (stratified,
/// reproducible, inside the area, only people with phones), the calls with their audited reveal and outcomes,
/// the figures, and every rejection.
final class SatisfactionSurveysTests: XCTestCase {
    static let townshipB = "150207002000"
    static let villageB = "150207002001"
    static let gridB = "150207002001001"
    /// A township of another county: never inside the rounds of 九原区.
    static let otherCounty = "150203000000"
    static let otherTownship = "150203001000"

    static func caller(_ id: Int64, _ role: Role, _ area: String) throws -> Caller {
        Caller(staff: Staff(accountID: id, username: "u\(id)", displayName: "u\(id)", role: role,
                            jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(area)))),
               ip: "test")
    }

    struct World {
        let db: any Database
        let platform: Platform
        let surveys: SatisfactionSurveys
        let assessor: Caller
        let operatorA: Caller

        func audit(_ action: String) async throws -> [String] {
            try await db.read { db in
                try await db.select().column("object_id").from("audit_log").where("action", .equal, action).orderBy("id").all()
                    .map { try $0.decode(column: "object_id", as: String.self) }
            }
        }

        /// A case filed at `area`, in `state`, closed (if so) at `closedAt`, with a contact phone when given.
        func fileCase(_ n: Int, area: String, phone: String?, state: String = "closed", closedAt: Date) async throws {
            let sealed = try phone.map { try platform.cipher.seal($0) }
            let at = closedAt.millisecondsSince1970
            try await db.write { db in
                let row = try await db.insert(into: "cases")
                    .columns("number", "tracking_code", "kind", "category", "channel", "state", "urgency", "area_code",
                             "description", "people_involved", "amount_involved", "contact_phone_cipher",
                             "contact_phone_masked", "reported_day", "reported_at", "updated_at")
                    .values(SQLBind("SV\(n)"), SQLBind("T\(n)"), SQLBind("dispute"), SQLBind("dispute.neighbour"),
                            SQLBind("phone"), SQLBind(state), SQLBind("normal"), SQLBind(area), SQLBind("调查测试案件"),
                            SQLBind(1), SQLBind(Int64(0)), SQLBind(sealed), SQLBind(phone.flatMap(PhoneNumber.init)?.masked),
                            SQLBind(ChinaTime.dayString(closedAt)), SQLBind(at - 86_400_000), SQLBind(at))
                    .returning("id").first()
                let id = try XCTUnwrap(row).decode(column: "id", as: Int64.self)
                if state == "closed" {
                    try await db.insert(into: "case_events").columns("case_id", "type", "from_state", "to_state", "actor", "payload", "at")
                        .values(SQLBind(id), SQLBind("closed"), SQLBind("verified"), SQLBind("closed"), SQLBind("test"),
                                SQLBind("{}"), SQLBind(at)).run()
                }
            }
        }
    }

    func world(_ db: any Database) async throws -> World {
        try await SampleAreas.insert(into: db)
        try await db.write { db in
            try await AreaRepository(db).insert([
                AreaRecord(code: Self.townshipB, parentCode: SampleAreas.county, level: "township", name: "麻池镇", createdAt: 0),
                AreaRecord(code: Self.villageB, parentCode: Self.townshipB, level: "village", name: "麻池村", createdAt: 0),
                AreaRecord(code: Self.gridB, parentCode: Self.villageB, level: "grid", gridKind: "ordinary", name: "麻池村第1网格",
                           createdAt: 0),
                AreaRecord(code: Self.otherCounty, parentCode: SampleAreas.city, level: "county", name: "昆都仑区", createdAt: 0),
                AreaRecord(code: Self.otherTownship, parentCode: Self.otherCounty, level: "township", name: "昆河镇", createdAt: 0),
            ])
        }
        let platform = try TestPlatform.make(database: db)
        return World(db: db, platform: platform, surveys: SatisfactionSurveys(platform: platform),
                     assessor: try Self.caller(1, .assessor, SampleAreas.county),
                     operatorA: try Self.caller(2, .intakeOperator, SampleAreas.township))
    }

    /// Residents: `count` in each of townships A and B with phones, and some without.
    func registerResidents(_ w: World, perTownship count: Int) async throws {
        let registrar = try Self.caller(9, .gridWorker, SampleAreas.county)
        let registry = ResidentRegistry(platform: w.platform)
        for n in 1...(count * 2 + 4) {
            let grid = n % 2 == 0 ? SampleAreas.grid : Self.gridB
            let phone: String? = n > count * 2 ? nil : String(format: "139%08d", n)
            _ = try await registry.register(ResidentSubmission(
                name: "居民\(n)", idNumber: ResidentIdentityNumber(division: "150207", birthDate: "19800101", sequence: n)?.rawValue,
                phone: phone, gridCode: grid, address: "幸福小区\(n)号"), caller: registrar)
        }
    }

    func round(_ period: String, source: String = "residents", per: String = "4", area: String = SampleAreas.county)
        -> SurveyRoundSubmission
    {
        SurveyRoundSubmission(areaCode: area, year: "2026", period: period, source: source, perTownship: per)
    }

    func error(_ body: () async throws -> Void) async -> DomainError? {
        do {
            try await body()
            return nil
        } catch { return error as? DomainError }
    }

    func testARoundDrawsEachTownshipsShareReproduciblyFromResidentsWithPhones() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            try await registerResidents(w, perTownship: 6)
            let first = try await w.surveys.create(round("5"), seed: 77, caller: w.assessor)
            XCTAssertEqual(first.sampled, 8, "4 in each of the two townships")
            XCTAssertEqual(first.title, "2026年第5期群众安全感满意度电话调查")
            XCTAssertEqual(first.seed, "77")
            let again = try await w.surveys.create(round("4"), seed: 77, caller: w.assessor)
            let county = try Self.caller(3, .intakeOperator, SampleAreas.county)
            let firstList = try await w.surveys.calls(roundId: first.id, caller: county).items
            let againList = try await w.surveys.calls(roundId: again.id, caller: county).items
            XCTAssertEqual(firstList.map(\.maskedPhone), againList.map(\.maskedPhone), "the same seed draws the same list")
            XCTAssertEqual(Set(firstList.map(\.maskedPhone)).count, 8, "no number twice")
            XCTAssertEqual(Dictionary(grouping: firstList, by: \.township).mapValues(\.count), ["沙河街道": 4, "麻池镇": 4])
            let stored = try await db.read { db in
                try await db.select().column("subject_kind").column("phone_masked").from("survey_items").all()
                    .map { (try $0.decode(column: "subject_kind", as: String.self), try $0.decode(column: "phone_masked", as: String.self)) }
            }
            XCTAssertTrue(stored.allSatisfy { $0.0 == "person" && $0.1.contains("****") })
            let created = try await w.audit("survey.create")
            XCTAssertEqual(created, [String(first.id), String(again.id)])
            // A township round draws only there; more than there are gives all of them.
            let township = try await w.surveys.create(round("3", per: "50", area: SampleAreas.township), seed: 1, caller: w.assessor)
            XCTAssertEqual(township.sampled, 6)
        }
    }

    func testClosedCasesRoundDrawsOnlyCasesClosedInTheWindowWithAPhoneInsideTheArea() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            let inWindow = try XCTUnwrap(SurveyPeriod(year: 2026, number: 5)).start.addingTimeInterval(86_400 * 10)
            let before = try XCTUnwrap(SurveyPeriod(year: 2026, number: 4)).start.addingTimeInterval(86_400)
            try await w.fileCase(1, area: SampleAreas.grid, phone: "13800000001", closedAt: inWindow)
            try await w.fileCase(2, area: SampleAreas.village, phone: "13800000002", closedAt: inWindow)
            try await w.fileCase(3, area: SampleAreas.grid, phone: "13800000001", closedAt: inWindow)  // same caller again
            try await w.fileCase(4, area: SampleAreas.grid, phone: nil, closedAt: inWindow)
            try await w.fileCase(5, area: SampleAreas.grid, phone: "13800000005", closedAt: before)
            try await w.fileCase(6, area: SampleAreas.grid, phone: "13800000006", state: "inProgress", closedAt: inWindow)
            try await w.fileCase(7, area: Self.otherTownship + "001", phone: "13800000007", closedAt: inWindow)
            try await w.fileCase(8, area: Self.gridB, phone: "13800000008", closedAt: inWindow)
            let summary = try await w.surveys.create(round("5", source: "closed_cases", per: "10"), seed: 5, caller: w.assessor)
            let list = try await w.surveys.calls(roundId: summary.id, caller: try Self.caller(3, .dispatcher, SampleAreas.county))
            XCTAssertEqual(Set(list.items.map(\.maskedPhone)), ["138****0001", "138****0002", "138****0008"])
            XCTAssertEqual(summary.sampled, 3)
            XCTAssertTrue(list.items.allSatisfy { $0.subject == "办结案件" })
        }
    }

    func testEveryRejectionOfANewRound() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            let dispatcher = try Self.caller(4, .dispatcher, SampleAreas.county)
            let forbidden = await error { _ = try await w.surveys.create(round("5"), caller: dispatcher) }
            XCTAssertEqual(forbidden, .forbidden(permission: .assess))
            let machine = Caller(staff: Staff.machine(tokenID: 1, name: "平台", scopes: Set(ApiScope.allCases),
                                                      jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                                 ip: "test")
            let token = await error { _ = try await w.surveys.create(round("5"), caller: machine) }
            XCTAssertEqual(token?.code, "forbidden")
            let townshipAssessor = try Self.caller(5, .assessor, SampleAreas.township)
            for area in [Self.townshipB, SampleAreas.county, Self.otherTownship, "150207009000"] {
                let hidden = await error { _ = try await w.surveys.create(round("5", area: area), caller: townshipAssessor) }
                XCTAssertEqual(hidden, .notFound(what: "调查区域"), area)
            }
            let village = await error { _ = try await w.surveys.create(round("5", area: SampleAreas.village), caller: w.assessor) }
            XCTAssertEqual(village, .validation([FieldError(field: "areaCode", code: "level", message: "调查区域应为区(县)或乡镇(街道)")]))
            let window = await error { _ = try await w.surveys.create(round("7"), caller: w.assessor) }
            XCTAssertEqual(window?.code, "validation_failed")
            let future = await error {
                _ = try await w.surveys.create(SurveyRoundSubmission(areaCode: SampleAreas.county, year: "2027", period: "1",
                                                                     source: "residents", perTownship: "5"), caller: w.assessor)
            }
            guard case .validation(let errors) = future else { return XCTFail("\(String(describing: future))") }
            XCTAssertEqual(errors.map(\.code), ["not_started"])
            _ = try await w.surveys.create(round("5"), caller: w.assessor)
            let twice = await error { _ = try await w.surveys.create(round("5"), caller: w.assessor) }
            XCTAssertEqual(twice?.code, "survey_round_exists")
            let rounds = try await db.read { try await $0.countRows(in: "survey_rounds") }
            XCTAssertEqual(rounds, 1, "nothing half-written")
        }
    }

    func testCallsRevealAuditedOutcomesOnceAndFigures() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            try await registerResidents(w, perTownship: 3)
            let round = try await w.surveys.create(round("5", per: "3"), seed: 11, caller: w.assessor)
            // The operator of township A sees only A's three numbers.
            let list = try await w.surveys.calls(roundId: round.id, caller: w.operatorA)
            XCTAssertEqual(list.items.count, 3)
            XCTAssertEqual(Set(list.items.map(\.township)), ["沙河街道"])
            let first = try XCTUnwrap(list.next)
            let phone = try await w.surveys.reveal(roundId: round.id, itemId: first.id, caller: w.operatorA)
            XCTAssertEqual(PhoneNumber(phone)?.masked, first.maskedPhone)
            let reveals = try await w.audit("survey.reveal")
            XCTAssertEqual(reveals, [String(first.id)])
            try await w.surveys.record(.answered(safety: .safe, satisfaction: .fairlySatisfied, comment: "希望加装路灯"),
                                       roundId: round.id, itemId: first.id, caller: w.operatorA)
            let twice = await error {
                try await w.surveys.record(.answered(safety: .unsafe, satisfaction: .dissatisfied, comment: nil),
                                           roundId: round.id, itemId: first.id, caller: w.operatorA)
            }
            XCTAssertEqual(twice?.code, "survey_item_closed")
            let revealClosed = await error { _ = try await w.surveys.reveal(roundId: round.id, itemId: first.id, caller: w.operatorA) }
            XCTAssertEqual(revealClosed?.code, "survey_item_closed")
            // The second number never answers: pending after two attempts, unreachable after the third.
            let secondList = try await w.surveys.calls(roundId: round.id, caller: w.operatorA)
            let second = try XCTUnwrap(secondList.next)
            XCTAssertNotEqual(second.id, first.id)
            for expected in [SurveyItemStatus.pending, .pending, .unreachable] {
                try await w.surveys.record(.notReached, roundId: round.id, itemId: second.id, caller: w.operatorA)
                let item = try await w.surveys.calls(roundId: round.id, caller: w.operatorA).items.first { $0.id == second.id }
                XCTAssertEqual(item?.status, expected)
            }
            let fourth = await error { try await w.surveys.record(.notReached, roundId: round.id, itemId: second.id, caller: w.operatorA) }
            XCTAssertEqual(fourth?.code, "survey_item_closed")
            let thirdList = try await w.surveys.calls(roundId: round.id, caller: w.operatorA)
            let third = try XCTUnwrap(thirdList.next)
            try await w.surveys.record(.answered(safety: .unsure, satisfaction: .dissatisfied, comment: nil),
                                       roundId: round.id, itemId: third.id, caller: w.operatorA)
            let calls = try await w.audit("survey.call")
            XCTAssertEqual(calls.count, 5)
            // Figures: A answered 2 of 3 (66.7%); 安全感 1/1 (说不清 left out); 满意度 1/2.
            let figures = try await w.surveys.figures(roundId: round.id, caller: w.assessor)
            let a = try XCTUnwrap(figures.row(for: AssessedUnit(.township, SampleAreas.township)))
            XCTAssertEqual([a.sampled, a.reached, a.answered, a.pending], [3, 2, 2, 0])
            XCTAssertEqual(a.responseRate?.description, "66.7%")
            XCTAssertEqual(a.safety?.description, "100.0%")
            XCTAssertEqual(a.satisfaction?.description, "50.0%")
            XCTAssertEqual(figures.total.sampled, 6)
            XCTAssertEqual(figures.row(for: AssessedUnit(.township, Self.townshipB))?.pending, 3)
            let view = try await w.surveys.round(id: round.id, caller: w.operatorA)
            XCTAssertEqual(view.comments.map(\.text), ["希望加装路灯"])
            XCTAssertEqual(view.figures.townships.count, 1, "township staff see their own township")
            XCTAssertFalse(view.wholeArea)
            // For the rankings: the latest round of each township begun before the date.
            let standings = try await w.surveys.latestFigures(
                for: [AssessedUnit(.township, SampleAreas.township), AssessedUnit(.township, Self.townshipB),
                      AssessedUnit(.township, Self.otherTownship)],
                before: TestPlatform.referenceDate, caller: w.assessor)
            XCTAssertEqual(standings[AssessedUnit(.township, SampleAreas.township)]?.figures.satisfaction?.tenths, 500)
            XCTAssertEqual(standings[AssessedUnit(.township, SampleAreas.township)]?.periodLabel, "2026年第5期")
            XCTAssertEqual(standings[AssessedUnit(.township, Self.townshipB)]?.figures.answered, 0)
            XCTAssertNil(standings[AssessedUnit(.township, Self.otherTownship)])
            let early = try await w.surveys.latestFigures(
                for: [AssessedUnit(.township, SampleAreas.township)],
                before: try XCTUnwrap(SurveyPeriod(year: 2026, number: 5)).start, caller: w.assessor)
            XCTAssertTrue(early.isEmpty, "a round begun on or after the date is not yet shown")
            let byArea = try await w.surveys.latestFigures(area: SampleAreas.county, before: TestPlatform.referenceDate,
                                                           caller: w.assessor)
            XCTAssertEqual(Set(byArea.keys), [AssessedUnit(.township, SampleAreas.township), AssessedUnit(.township, Self.townshipB)])
            let outside = await error {
                _ = try await w.surveys.latestFigures(area: Self.otherCounty, before: TestPlatform.referenceDate, caller: w.assessor)
            }
            XCTAssertEqual(outside, .notFound(what: "区域"))
        }
    }

    func testEveryRejectionOfACall() async throws {
        try await TestDatabases.each { db in
            let w = try await world(db)
            try await registerResidents(w, perTownship: 2)
            let round = try await w.surveys.create(round("5", per: "2"), seed: 3, caller: w.assessor)
            let county = try Self.caller(3, .intakeOperator, SampleAreas.county)
            let items = try await w.surveys.calls(roundId: round.id, caller: county).items
            let inB = try XCTUnwrap(items.first { $0.township == "麻池镇" })
            let inA = try XCTUnwrap(items.first { $0.township == "沙河街道" })
            // Another township's number, a number of another round, a round that does not exist: not found.
            let hiddenReveal = await error { _ = try await w.surveys.reveal(roundId: round.id, itemId: inB.id, caller: w.operatorA) }
            XCTAssertEqual(hiddenReveal, .notFound(what: "该调查号码"))
            let hiddenRecord = await error { try await w.surveys.record(.refused, roundId: round.id, itemId: inB.id, caller: w.operatorA) }
            XCTAssertEqual(hiddenRecord, .notFound(what: "该调查号码"))
            let wrongRound = await error { try await w.surveys.record(.refused, roundId: round.id + 1, itemId: inA.id, caller: w.operatorA) }
            XCTAssertEqual(wrongRound, .notFound(what: "该调查号码"))
            let otherCounty = try Self.caller(6, .intakeOperator, Self.otherCounty)
            let outsideView = await error { _ = try await w.surveys.round(id: round.id, caller: otherCounty) }
            XCTAssertEqual(outsideView, .notFound(what: "该调查"))
            let outsideList = await error { _ = try await w.surveys.calls(roundId: round.id, caller: otherCounty) }
            XCTAssertEqual(outsideList, .notFound(what: "该调查"))
            let outsideRounds = try await w.surveys.rounds(caller: otherCounty)
            XCTAssertTrue(outsideRounds.isEmpty)
            // Roles: assessors and leaders see figures but do not call; grid workers see nothing.
            let noCalls = await error { try await w.surveys.record(.refused, roundId: round.id, itemId: inA.id, caller: w.assessor) }
            XCTAssertEqual(noCalls, .forbidden(permission: .acceptCases))
            let noReveal = await error { _ = try await w.surveys.reveal(roundId: round.id, itemId: inA.id, caller: w.assessor) }
            XCTAssertEqual(noReveal, .forbidden(permission: .acceptCases))
            let gridWorker = try Self.caller(7, .gridWorker, SampleAreas.county)
            let noView = await error { _ = try await w.surveys.rounds(caller: gridWorker) }
            XCTAssertEqual(noView, .forbidden(permission: .viewAssessment))
            let leader = try await w.surveys.round(id: round.id, caller: try Self.caller(8, .leader, SampleAreas.county))
            XCTAssertTrue(leader.wholeArea)
            XCTAssertFalse(leader.mayCall)
            let untouched = try await w.audit("survey.call")
            XCTAssertEqual(untouched, [], "no rejected call was recorded")
            let reveals = try await w.audit("survey.reveal")
            XCTAssertEqual(reveals, [])
        }
    }
}
