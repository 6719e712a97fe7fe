import FengqiaoDomain
import XCTest

/// The grid worker app's field work as the domain checks it: visits, patrol starts and stops, the checklist,
/// track points and the phone's clock.
final class FieldWorkTests: XCTestCase {
    let today = CivilDate(year: 2026, month: 11, day: 23) ?? CivilDate(dayNumber: 0)
    let now: Int64 = 1_795_399_200_000

    func codes(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as DomainError {
            guard case .validation(let fields) = error else { return ["not validation"] }
            return fields.map { "\($0.field):\($0.code)" }
        } catch { return ["\(error)"] }
    }

    func testAVisitIsCheckedFieldByField() throws {
        let good = VisitSubmission(subjectKind: "入户走访", subject: " 3号楼201 ", gridCode: "150207001001001",
                                   visitedOn: "2026-11-23", notes: "老人身体尚好")
        let visit = try good.validate(today: today)
        XCTAssertEqual(visit.kind, .household)
        XCTAssertEqual(visit.subject, "3号楼201")
        XCTAssertEqual(visit.position.gridCode, "150207001001001")
        XCTAssertEqual(codes { _ = try VisitSubmission().validate(today: today) },
                       ["subjectKind:required", "subject:required", "location:required", "visitedOn:required", "notes:required"])
        var future = good
        future.visitedOn = "2026-11-24"
        XCTAssertEqual(codes { _ = try future.validate(today: today) }, ["visitedOn:out_of_range"])
        var abroad = good
        abroad.gridCode = nil
        abroad.latitude = 48.85
        abroad.longitude = 2.35
        XCTAssertEqual(codes { _ = try abroad.validate(today: today) }, ["latitude:out_of_range"])
        var person = good
        person.personId = 0
        person.subjectKind = "shop"
        XCTAssertEqual(codes { _ = try person.validate(today: today) }, ["subjectKind:invalid_choice", "personId:invalid_format"])
    }

    func testTheChecklistKnowsItsItemsOnceAndWantsANoteForAnIssue() {
        var errors: [FieldError] = []
        let checked = PatrolChecklist.check([
            .init(code: "fireLanes", status: "issue", note: "堆放纸箱"), .init(code: "disputes", status: "ok"),
        ], errors: &errors)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(checked.map(\.name), ["消防通道、楼道是否畅通", "有无矛盾纠纷苗头"])
        errors = []
        _ = PatrolChecklist.check([
            .init(code: "fireLanes", status: "issue"), .init(code: "fireLanes", status: "ok"), .init(code: "x", status: "ok"),
            .init(code: "rentals", status: "bad"),
        ], errors: &errors)
        XCTAssertEqual(errors.map { "\($0.field):\($0.code)" }, [
            "checklist[0].note:required", "checklist[1].code:duplicate", "checklist[2].code:invalid_choice",
            "checklist[3].status:invalid_choice",
        ])
        XCTAssertEqual(Set(PatrolChecklist.standard.map(\.code)).count, PatrolChecklist.standard.count)
    }

    func testAPatrolKeepsThePhonesTimeWithinReason() throws {
        XCTAssertEqual(try PatrolStart(gridCode: "150207001001001", startedAt: now - 3_600_000).validate(now: now).startedAt,
                       now - 3_600_000)
        XCTAssertEqual(try PatrolStart(gridCode: "150207001001001").validate(now: now).startedAt, now)
        XCTAssertEqual(codes { _ = try PatrolStart(gridCode: "150207001001001", startedAt: now + 3_600_000).validate(now: now) },
                       ["startedAt:out_of_range"])
        XCTAssertEqual(codes { _ = try PatrolStart(gridCode: "150207001001001", startedAt: now - 31 * 86_400_000).validate(now: now) },
                       ["startedAt:out_of_range"])
        XCTAssertEqual(codes { _ = try PatrolStop(endedAt: now - 10).validate(startedAt: now, now: now) }, ["endedAt:out_of_range"])
        let stop = try PatrolStop(checklist: [.init(code: "rentals", status: "ok")], note: " 平稳 ").validate(startedAt: now - 10, now: now)
        XCTAssertEqual(stop.endedAt, now)
        XCTAssertEqual(stop.note, "平稳")
    }

    func testTrackPointsAreCheckedOneByOne() throws {
        let points = try TrackPoint.check([TrackPoint(latitude: 40.6, longitude: 109.8, at: now - 1000)], now: now)
        XCTAssertEqual(points.count, 1)
        XCTAssertEqual(codes { _ = try TrackPoint.check([], now: now) }, ["points:required"])
        XCTAssertEqual(codes { _ = try TrackPoint.check([TrackPoint(latitude: 40.6, longitude: 109.8)], now: now) },
                       ["points[0].at:required"])
        XCTAssertEqual(codes { _ = try TrackPoint.check(Array(repeating: TrackPoint(latitude: 40.6, longitude: 109.8, at: now),
                                                              count: TrackPoint.maximumBatch + 1), now: now) },
                       ["points:too_many"])
    }

    func testAQuickUpdateAddsCareTagsOnly() throws {
        let update = try PersonQuickUpdate(phone: "13912345678", addTags: ["独居老人", "elderLivingAlone", ""])
            .validate(permissions: Role.gridWorker.permissions)
        XCTAssertEqual(update.tags, [.elderLivingAlone])
        XCTAssertEqual(codes { _ = try PersonQuickUpdate(addTags: ["社区矫正对象"]).validate(permissions: Role.gridWorker.permissions) },
                       ["addTags[0]:not_allowed"])
        XCTAssertEqual(try PersonQuickUpdate(addTags: ["社区矫正对象"]).validate(permissions: Role.gridLeader.permissions).tags,
                       [.communityCorrection])
        XCTAssertEqual(codes { _ = try PersonQuickUpdate().validate(permissions: Role.gridWorker.permissions) }, ["phone:required"])
    }
}
