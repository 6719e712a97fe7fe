import FengqiaoDomain
import XCTest

final class MediationSubmissionTests: XCTestCase {
    let known: (AreaCode) -> Bool = { $0.rawValue == "150207001001" }

    func testOrganisationsValidateAndTakeChineseKindNames() throws {
        let organization = try MediationOrganizationSubmission(
            areaCode: " 150207001001 ", kind: "个人调解工作室", name: "  和事佬调解工作室 ", phone: "138 0000 1111").validate(isKnownArea: known)
        XCTAssertEqual(organization.kind, .personalStudio)
        XCTAssertEqual(organization.name, "和事佬调解工作室")
        XCTAssertEqual(organization.phone?.masked, "138****1111")
        XCTAssertTrue(organization.active)
        XCTAssertEqual(Set(MediationOrganizationKind.allCases.map(\.chineseName)).count, MediationOrganizationKind.allCases.count)
        XCTAssertEqual(Set(MediationSpecialty.allCases.map(\.chineseName)).count, MediationSpecialty.allCases.count)
    }

    func testOrganisationRejections() {
        let cases: [(MediationOrganizationSubmission, [String])] = [
            (MediationOrganizationSubmission(), ["areaCode:required", "kind:required", "name:required"]),
            (MediationOrganizationSubmission(areaCode: "150207009009", kind: "villageCommittee", name: "调委会"), ["areaCode:unknown"]),
            (MediationOrganizationSubmission(areaCode: "abc", kind: "villageCommittee", name: "调委会"), ["areaCode:unknown"]),
            (MediationOrganizationSubmission(areaCode: "150207001001", kind: "法院", name: "调委会"), ["kind:unknown"]),
            (MediationOrganizationSubmission(areaCode: "150207001001", kind: "arbitration", name: String(repeating: "名", count: 61)),
             ["name:too_long"]),
            (MediationOrganizationSubmission(areaCode: "150207001001", kind: "arbitration", name: "仲裁院",
                                             address: String(repeating: "路", count: 121), phone: "12345"),
             ["address:too_long", "phone:invalid_format"]),
        ]
        for (submission, expected) in cases {
            XCTAssertThrowsError(try submission.validate(isKnownArea: known)) { error in
                guard case DomainError.validation(let errors) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(errors.map { "\($0.field):\($0.code)" }, expected)
                XCTAssertTrue(errors.allSatisfy { $0.message.unicodeScalars.contains { $0.value >= 0x4E00 } })
            }
        }
    }

    func testMediatorsValidate() throws {
        let mediator = try MediatorSubmission(name: "巴特尔", phone: "0472-5123456", specialties: ["土地草场", "neighbour", "邻里"],
                                              languages: ["蒙古语", "汉语"], availability: "可接案").validate()
        XCTAssertEqual(mediator.specialties, [.landGrassland, .neighbour])
        XCTAssertEqual(mediator.languages, [.mongolian, .mandarin])
        XCTAssertEqual(mediator.phone?.masked, "0472-***3456")
        let plain = try MediatorSubmission(name: "王大姐", specialties: ["婚姻家庭"]).validate()
        XCTAssertEqual(plain.languages, [.mandarin])
        XCTAssertEqual(plain.availability, .available)
    }

    func testMediatorRejections() {
        let cases: [(MediatorSubmission, [String])] = [
            (MediatorSubmission(), ["name:required", "specialties:required"]),
            (MediatorSubmission(name: "王", specialties: []), ["specialties:required"]),
            (MediatorSubmission(name: "王", specialties: ["算命"]), ["specialties:unknown"]),
            (MediatorSubmission(name: String(repeating: "王", count: 31), phone: "110", specialties: ["邻里"], languages: ["火星语"],
                                availability: "maybe"),
             ["name:too_long", "phone:invalid_format", "languages:unknown", "availability:unknown"]),
        ]
        for (submission, expected) in cases {
            XCTAssertThrowsError(try submission.validate()) { error in
                guard case DomainError.validation(let errors) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(errors.map { "\($0.field):\($0.code)" }, expected)
            }
        }
    }
}
