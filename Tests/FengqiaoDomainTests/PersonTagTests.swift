import FengqiaoDomain
import XCTest

final class PersonTagTests: XCTestCase {
    func testCareAndSensitiveGroupsAreSplitAsTheModelDoes() {
        XCTAssertEqual(
            PersonTag.careTags.map(\.chineseName),
            ["留守儿童", "空巢老人", "独居老人", "残障人士", "困难家庭", "低保户", "退役军人", "孕产妇", "流动人口", "党员"])
        XCTAssertEqual(
            PersonTag.sensitiveTags.map(\.chineseName),
            ["重点人员", "社区矫正对象", "刑满释放人员", "吸毒人员", "严重精神障碍患者", "重点信访人员"])
        XCTAssertEqual(Set(PersonTag.allCases.map(\.chineseName)).count, PersonTag.allCases.count)
    }

    func testRawValuesAreStable() {
        // Stored in the database; renaming a case must fail here.
        XCTAssertEqual(
            PersonTag.allCases.map(\.rawValue),
            [
                "leftBehindChild", "emptyNestElder", "elderLivingAlone", "disabledPerson", "familyInHardship",
                "subsistenceAllowance", "veteran", "pregnantOrPostpartum", "floatingPopulation", "partyMember", "keyPerson", "communityCorrection",
                "releasedPrisoner", "drugUser", "severeMentalDisorder", "keyPetitioner",
            ])
    }

    func testParsesChineseNamesAliasesAndRawValues() throws {
        for tag in PersonTag.allCases {
            XCTAssertEqual(try PersonTag(parsing: tag.chineseName, field: "tags"), tag)
            XCTAssertEqual(try PersonTag(parsing: " \(tag.rawValue) ", field: "tags"), tag)
            XCTAssertEqual(try PersonTag(parsing: tag.rawValue.uppercased(), field: "tags"), tag)
        }
        XCTAssertEqual(try PersonTag(parsing: "贫困家庭", field: "tags"), .familyInHardship)
        XCTAssertEqual(try PersonTag(parsing: "残疾人", field: "tags"), .disabledPerson)
    }

    func testUnknownAndBlankTagsAreRejected() {
        XCTAssertThrowsError(try PersonTag(parsing: "可疑人员", field: "tags[2]")) { error in
            let error = error as? FieldError
            XCTAssertEqual(error?.code, "unknown_value")
            XCTAssertEqual(error?.field, "tags[2]")
            XCTAssertEqual(error?.message, "无法识别的人员标签\u{FF1A}可疑人员")
        }
        XCTAssertThrowsError(try PersonTag(parsing: "  ", field: "tags")) { error in
            XCTAssertEqual((error as? FieldError)?.code, "required")
        }
        XCTAssertThrowsError(try PersonTag(parsing: String(repeating: "长", count: 500), field: "tags")) { error in
            XCTAssertLessThan((error as? FieldError)?.message.count ?? 999, 40, "long input is not echoed in full")
        }
    }

    func testSensitiveTagsOnlyForRolesThatNeedThem() {
        let all = PersonTag.allCases
        for role in [Role.gridLeader, .petitionOfficer, .leader] {
            XCTAssertEqual(PersonTag.visibleTags(all, to: role), all, role.rawValue)
        }
        for role in [Role.gridWorker, .intakeOperator, .dispatcher, .mediator] {
            XCTAssertEqual(PersonTag.visibleTags(all, to: role), PersonTag.careTags, role.rawValue)
        }
        for role in [Role.departmentHandler, .assessor, .systemAdmin, .securityAdmin, .auditor] {
            XCTAssertEqual(PersonTag.visibleTags(all, to: role), [], role.rawValue)
        }
    }

    func testVisibleTagsKeepOrderAndDropDuplicates() {
        let tags: [PersonTag] = [.drugUser, .veteran, .leftBehindChild, .veteran, .keyPetitioner]
        XCTAssertEqual(PersonTag.visibleTags(tags, to: .gridWorker), [.veteran, .leftBehindChild])
        XCTAssertEqual(
            PersonTag.visibleTags(tags, to: .leader), [.drugUser, .veteran, .leftBehindChild, .keyPetitioner])
        XCTAssertFalse(PersonTag.communityCorrection.isVisible(to: .gridWorker))
        XCTAssertTrue(PersonTag.communityCorrection.isVisible(to: .gridLeader))
    }
}
