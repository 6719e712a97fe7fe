import FengqiaoDomain
import XCTest

final class CenterDepartmentTests: XCTestCase {
    func testCentreLevelsFollowAdministrativeLevelsOnly() {
        XCTAssertEqual(CenterLevel(areaLevel: .city), .city)
        XCTAssertEqual(CenterLevel(areaLevel: .county), .county)
        XCTAssertEqual(CenterLevel(areaLevel: .township), .township)
        XCTAssertEqual(CenterLevel(areaLevel: .village), .village)
        XCTAssertNil(CenterLevel(areaLevel: .grid), "grids have no centre")
        XCTAssertNil(CenterLevel(areaLevel: .microGrid))
        for level in CenterLevel.allCases { XCTAssertEqual(CenterLevel(areaLevel: level.areaLevel), level) }
        XCTAssertEqual(CenterLevel.township.chineseName, "乡镇(街道)综治中心")
        XCTAssertEqual(CenterLevel.allCases.sorted(), [.city, .county, .township, .village])
    }

    func testTheNineCoreDepartments() throws {
        XCTAssertEqual(
            CoreDepartment.allCases.map(\.chineseName),
            ["政法委", "组织部", "公安", "民政", "司法", "住建", "人社", "卫健", "信访"])
        XCTAssertEqual(
            CoreDepartment.allCases.map(\.rawValue),
            [
                "politicsLaw", "organization", "publicSecurity", "civilAffairs", "justice", "housing",
                "humanResources", "health", "petition",
            ])
        XCTAssertEqual(try CoreDepartment(parsing: "信访局", field: "department"), .petition)
        for core in CoreDepartment.allCases {
            XCTAssertEqual(try DepartmentCode(core.rawValue).coreDepartment, core)
            XCTAssertEqual(core.code.rawValue, core.rawValue)
        }
    }

    func testOtherDepartmentCodes() throws {
        XCTAssertEqual(try DepartmentCode(" court ").rawValue, "court")
        XCTAssertNil(try DepartmentCode("market-regulation").coreDepartment)
        XCTAssertNoThrow(try DepartmentCode("procuratorate-2"))
        XCTAssertNoThrow(try DepartmentCode("ab"))
        XCTAssertNoThrow(try DepartmentCode(String(repeating: "a", count: 32)))
    }

    private func codeRejection(_ text: String) -> String? {
        do {
            _ = try DepartmentCode(text)
            return nil
        } catch {
            return error.code
        }
    }

    func testDepartmentCodeRejections() {
        XCTAssertEqual(codeRejection(""), "required")
        XCTAssertEqual(codeRejection("a"), "too_short")
        XCTAssertEqual(codeRejection(String(repeating: "a", count: 33)), "too_long")
        XCTAssertEqual(codeRejection("Court"), "invalid_format", "upper case")
        XCTAssertEqual(codeRejection("market_regulation"), "invalid_format")
        XCTAssertEqual(codeRejection("法院"), "invalid_format")
        XCTAssertEqual(codeRejection("2court"), "invalid_format", "must start with a letter")
        XCTAssertEqual(codeRejection("-court"), "invalid_format")
        XCTAssertEqual(codeRejection("court-"), "invalid_format")
        XCTAssertEqual(codeRejection("market regulation"), "invalid_format")
        XCTAssertEqual(codeRejection("politicslaw"), "reserved")
        XCTAssertEqual(codeRejection("publicsecurity"), "reserved")
    }

    func testDepartmentNames() throws {
        XCTAssertEqual(try DepartmentName("  昆都仑区人民法院 ").rawValue, "昆都仑区人民法院")
        XCTAssertNoThrow(try DepartmentName(String(repeating: "局", count: 40)))
        XCTAssertThrowsError(try DepartmentName(" ")) { XCTAssertEqual(($0 as? FieldError)?.code, "required") }
        XCTAssertThrowsError(try DepartmentName(String(repeating: "局", count: 41))) {
            XCTAssertEqual(($0 as? FieldError)?.code, "too_long")
        }
        XCTAssertThrowsError(try DepartmentName("司法局\n信访局")) {
            XCTAssertEqual(($0 as? FieldError)?.code, "invalid_format")
        }
        XCTAssertThrowsError(try DepartmentName("司法局\u{7}")) {
            XCTAssertEqual(($0 as? FieldError)?.code, "invalid_format")
        }
    }

    func testCodesDecodeOnlyWhenValid() throws {
        let decoder = JSONDecoder()
        XCTAssertEqual(try decoder.decode([DepartmentCode].self, from: Data(#"["court","justice"]"#.utf8)).count, 2)
        XCTAssertThrowsError(try decoder.decode([DepartmentCode].self, from: Data(#"["Court"]"#.utf8)))
        XCTAssertThrowsError(try decoder.decode([DepartmentName].self, from: Data(#"[""]"#.utf8)))
    }
}
