import FengqiaoDomain
import XCTest

final class ResidentIdentityNumberTests: XCTestCase {
    func testAcceptsTheStandardsExampleWithCheckCharacterX() throws {
        // The example number of GB 11643-1999.
        let id = try XCTUnwrap(ResidentIdentityNumber("11010519491231002X"))
        XCTAssertEqual(id.rawValue, "11010519491231002X")
        XCTAssertFalse(id.isMale)
        XCTAssertEqual(id.masked, "110105********002X")
    }

    func testAcceptsLowerCaseX() {
        XCTAssertEqual(ResidentIdentityNumber("11010519491231002x")?.rawValue, "11010519491231002X")
    }

    func testRejectsAWrongCheckCharacter() {
        XCTAssertNil(ResidentIdentityNumber("110105194912310021"))
    }

    func testRejectsImpossibleBirthDates() throws {
        for date in ["19490230", "19491301", "20230229", "18991231"] {
            let first17 = "110105" + date + "002"
            let check = try XCTUnwrap(ResidentIdentityNumber.checkCharacter(forFirst17: first17))
            XCTAssertNil(ResidentIdentityNumber(first17 + String(check)), date)
        }
        XCTAssertNotNil(ResidentIdentityNumber(division: "150207", birthDate: "20000229", sequence: 1))
    }

    func testRejectsWrongLengthAndLetters() {
        XCTAssertNil(ResidentIdentityNumber("11010519491231002"))
        XCTAssertNil(ResidentIdentityNumber("1101051949123100AX"))
        XCTAssertNil(ResidentIdentityNumber(""))
    }

    func testBuildsNumbersWhoseGenderFollowsTheSequence() throws {
        let man = try XCTUnwrap(ResidentIdentityNumber(division: "150207", birthDate: "19800101", sequence: 13))
        let woman = try XCTUnwrap(ResidentIdentityNumber(division: "150207", birthDate: "19800101", sequence: 12))
        XCTAssertTrue(man.isMale)
        XCTAssertFalse(woman.isMale)
        XCTAssertNotNil(ResidentIdentityNumber(man.rawValue))
    }
}
