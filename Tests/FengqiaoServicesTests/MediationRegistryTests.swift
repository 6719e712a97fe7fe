import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The mediation registry on SQLite and PostgreSQL: manageMediation inside the jurisdiction, phones
/// sealed and masked, nothing deleted, every change audited, suggestions ranked.
final class MediationRegistryTests: XCTestCase {
    func testOrganisationsAndMediatorsAreKeptInsideTheJurisdiction() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            try await SampleAreas.insert(into: db)
            try await CameraFixture.insertTownshipB(into: db)
            let registry = MediationRegistry(platform: platform)
            let keeper = CameraFixture.person(.mediator, SampleAreas.township)
            let studio = try await registry.createOrganization(
                MediationOrganizationSubmission(areaCode: SampleAreas.village, kind: "个人调解工作室", name: "和事佬工作室",
                                                phone: "13800001111"), caller: keeper)
            XCTAssertEqual(studio.phone, "138****1111")
            XCTAssertEqual(studio.kindName, "个人调解工作室")
            let mediator = try await registry.createMediator(
                MediatorSubmission(organizationId: studio.id, name: "巴特尔", phone: "13900002222", specialties: ["土地草场", "邻里"],
                                   languages: ["蒙古语"]), caller: keeper)
            XCTAssertEqual(mediator.phone, "139****2222")
            XCTAssertEqual(mediator.areaCode, SampleAreas.village)
            XCTAssertEqual(mediator.specialtyNames, ["土地草场", "邻里"])

            let stored = try await db.read { sql in
                try await sql.select().column("phone_cipher").from("mediators").first()?.decode(column: "phone_cipher", as: String.self)
            }
            let sealed = try XCTUnwrap(stored)
            XCTAssertFalse(sealed.contains("13900002222"))
            XCTAssertEqual(try platform.cipher.open(sealed), "13900002222")

            // Retire: still listed, inactive; the phone on file stays when none is sent.
            let retired = try await registry.updateOrganization(
                id: studio.id, MediationOrganizationSubmission(areaCode: SampleAreas.village, kind: "personalStudio",
                                                               name: "和事佬工作室", active: false), caller: keeper)
            XCTAssertFalse(retired.active)
            XCTAssertEqual(retired.phone, "138****1111")
            let leader = CameraFixture.person(.leader, SampleAreas.county)
            let listed = try await registry.organizations(caller: leader)
            XCTAssertEqual(listed, [retired])
            let mediators = try await registry.mediators(caller: leader)
            XCTAssertEqual(mediators.map(\.name), ["巴特尔"])

            // Outside the jurisdiction: not found; lists empty.
            let away = CameraFixture.person(.mediator, CameraFixture.townshipB)
            let awayList = try await registry.organizations(caller: away)
            XCTAssertEqual(awayList, [])
            await XCTAssertThrowsErrorAsync(try await registry.updateOrganization(
                id: studio.id, MediationOrganizationSubmission(areaCode: CameraFixture.villageB, kind: "arbitration", name: "x"),
                caller: away)) { XCTAssertEqual($0 as? DomainError, .notFound(what: "该调解组织")) }
            await XCTAssertThrowsErrorAsync(try await registry.createOrganization(
                MediationOrganizationSubmission(areaCode: SampleAreas.village, kind: "arbitration", name: "仲裁院"), caller: away)
            ) { XCTAssertEqual($0 as? DomainError, .notFound(what: "该区域")) }
            await XCTAssertThrowsErrorAsync(try await registry.updateMediator(
                id: mediator.id, MediatorSubmission(name: "x", specialties: ["邻里"]), caller: away)
            ) { XCTAssertEqual($0 as? DomainError, .notFound(what: "该调解员")) }
            await XCTAssertThrowsErrorAsync(try await registry.createMediator(
                MediatorSubmission(organizationId: studio.id, name: "外人", specialties: ["邻里"]), caller: away)
            ) { error in
                guard case DomainError.validation(let errors) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(errors.map(\.field), ["organizationId"])
            }
            // Wrong role: a leader reads but does not keep the registry.
            await XCTAssertThrowsErrorAsync(try await registry.createOrganization(
                MediationOrganizationSubmission(areaCode: SampleAreas.village, kind: "arbitration", name: "仲裁院"), caller: leader)
            ) { XCTAssertEqual($0 as? DomainError, .forbidden(permission: .manageMediation)) }

            let audit = try await db.read { sql in
                try await sql.select().column("action").from("audit_log").where("action", .like, "mediat%").orderBy("id").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            XCTAssertEqual(audit, ["mediation_organization.create", "mediator.create", "mediation_organization.update"])
        }
    }

    func testSuggestionsRankBySpecialtyAndCloseness() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            try await SampleAreas.insert(into: db)
            let registry = MediationRegistry(platform: platform)
            let keeper = CameraFixture.person(.dispatcher, SampleAreas.county)
            let townshipCommittee = try await registry.createOrganization(
                MediationOrganizationSubmission(areaCode: SampleAreas.township, kind: "townshipCommittee", name: "镇调委会"), caller: keeper)
            let villageCommittee = try await registry.createOrganization(
                MediationOrganizationSubmission(areaCode: SampleAreas.village, kind: "villageCommittee", name: "村调委会"), caller: keeper)
            let far = try await registry.createMediator(
                MediatorSubmission(organizationId: townshipCommittee.id, name: "镇上", specialties: ["邻里"]), caller: keeper)
            let near = try await registry.createMediator(
                MediatorSubmission(organizationId: villageCommittee.id, name: "村里", specialties: ["邻里"], languages: ["蒙古语"]), caller: keeper)
            let other = try await registry.createMediator(
                MediatorSubmission(organizationId: villageCommittee.id, name: "劳动", specialties: ["劳动争议"]), caller: keeper)
            _ = try await registry.createMediator(
                MediatorSubmission(organizationId: villageCommittee.id, name: "休假", specialties: ["邻里"], availability: "away"), caller: keeper)

            let reader = CameraFixture.person(.leader, SampleAreas.county)
            let ranked = try await registry.suggestions(specialty: "邻里", area: SampleAreas.grid, language: nil, caller: reader)
            XCTAssertEqual(ranked.map(\.mediator.id), [near.id, far.id, other.id])
            XCTAssertEqual(ranked.map(\.closeness), ["village", "township", "village"])
            XCTAssertTrue(ranked.allSatisfy { $0.load == 0 && $0.loadKnown }, "no mediations yet")
            let mongolian = try await registry.suggestions(specialty: "neighbour", area: SampleAreas.village, language: "蒙古语", caller: reader)
            XCTAssertEqual(mongolian.map(\.mediator.id), [near.id])

            await XCTAssertThrowsErrorAsync(try await registry.suggestions(specialty: "算命", area: "x", language: "火星语", caller: reader)) {
                guard case DomainError.validation(let errors) = $0 else { return XCTFail("\($0)") }
                XCTAssertEqual(errors.map { "\($0.field):\($0.code)" }, ["specialty:unknown", "language:unknown", "area:invalid_format"])
            }
            await XCTAssertThrowsErrorAsync(try await registry.suggestions(
                specialty: "邻里", area: SampleAreas.village, language: nil, caller: CameraFixture.person(.leader, "150207002000"))
            ) { XCTAssertEqual($0 as? DomainError, .notFound(what: "该区域")) }
            await XCTAssertThrowsErrorAsync(try await registry.suggestions(
                specialty: "邻里", area: SampleAreas.village, language: nil, caller: CameraFixture.person(.securityAdmin, SampleAreas.county))
            ) { XCTAssertEqual($0 as? DomainError, .forbidden(permission: .viewCases)) }
        }
    }
}

/// Asserts that `call` throws, and hands the error to `check`.
private func XCTAssertThrowsErrorAsync<T>(
    _ call: @autoclosure () async throws -> T, file: StaticString = #filePath, line: UInt = #line,
    _ check: (any Error) -> Void = { _ in }
) async {
    do {
        _ = try await call()
        XCTFail("no error thrown", file: file, line: line)
    } catch {
        check(error)
    }
}
