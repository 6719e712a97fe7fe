import FengqiaoDomain
import XCTest

final class ApiScopeTests: XCTestCase {
    func testRawValuesAreStable() {
        // Typed on command lines and stored in api_tokens.scope: renaming a case must fail here.
        XCTAssertEqual(ApiScope.allCases.map(\.rawValue), ["map.read", "basedata.read", "import", "cases.report", "cases.read",
                                                           "alerts.write"])
        XCTAssertEqual(Set(ApiScope.allCases.map(\.chineseName)).count, ApiScope.allCases.count)
    }

    func testParsingAcceptsRepeatedSpaceAndCommaSeparatedNames() throws {
        XCTAssertEqual(try ApiScope.parse(["basedata.read"]), [.baseDataRead])
        XCTAssertEqual(try ApiScope.parse(["map.read cases.read", "import,cases.report", "map.read"]),
                       [.mapRead, .casesRead, .importData, .casesReport])
        XCTAssertEqual(ApiScope.stored([.casesRead, .mapRead, .importData]), "map.read import cases.read")
        XCTAssertEqual(ApiScope.scopes(stored: "cases.read map.read retired.scope"), [.mapRead, .casesRead])
    }

    func testUnknownOrMissingScopesAreFieldErrors() {
        for (input, code) in [([String](), "required"), (["", "  "], "required"), (["map.read", "everything"], "invalid_choice"),
                              (["MAP.READ"], "invalid_choice")] {
            XCTAssertThrowsError(try ApiScope.parse(input, field: "scope"), "\(input)") { error in
                guard case DomainError.validation(let fields) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(fields.map(\.code), [code], "\(input)")
                XCTAssertEqual(fields.first?.field, "scope")
            }
        }
    }

    func testNoScopeReachesAccountsGrantsOrTheAuditLog() {
        // Names an attacker might try are simply unknown.
        for name in ["accounts.manage", "grantRoles", "audit.read", "readAuditLog", "admin", "*"] {
            XCTAssertThrowsError(try ApiScope.parse([name]), name)
        }
        for scope in ApiScope.allCases {
            XCTAssertTrue(scope.permissions.isDisjoint(with: [.manageAccounts, .grantRoles, .readAuditLog]), scope.rawValue)
        }
        let all = ApiScope.permissions(of: Set(ApiScope.allCases))
        XCTAssertTrue(all.isDisjoint(with: ApiScope.forbiddenPermissions))
        XCTAssertFalse(all.contains(.revealIdentifiers), "tokens read identifiers masked")
        XCTAssertFalse(all.contains(.exportData))
    }

    func testAMachinePrincipalMayOnlyWhatItsScopesAllow() {
        let area = AreaCode("150207001001001")!
        let machine = Staff.machine(tokenID: 7, name: "12345热线", scopes: [.baseDataRead], jurisdiction: Jurisdiction(root: area))
        XCTAssertTrue(machine.isMachine)
        XCTAssertEqual(machine.username, "token:12345热线")
        XCTAssertEqual(machine.permissions, [.viewMap, .viewBaseData])
        XCTAssertTrue(machine.may(.viewBaseData))
        for permission in Permission.allCases where ![.viewMap, .viewBaseData].contains(permission) {
            XCTAssertFalse(machine.may(permission), permission.rawValue)
            XCTAssertThrowsError(try machine.require(permission))
        }
        XCTAssertTrue(machine.jurisdiction.contains("150207001001001"))
        XCTAssertFalse(machine.jurisdiction.contains("150207001001002"))
        // People keep their role's permissions.
        let person = Staff(accountID: 1, username: "zhang", displayName: "张", role: .leader, jurisdiction: Jurisdiction(root: area))
        XCTAssertFalse(person.isMachine)
        XCTAssertEqual(person.permissions, Role.leader.permissions)
    }

    func testTagVisibilityFollowsPermissionsNotRoles() {
        let machine: Set<Permission> = ApiScope.permissions(of: [.baseDataRead])
        XCTAssertEqual(PersonTag.visibleTags(PersonTag.allCases, with: machine), PersonTag.careTags)
        XCTAssertEqual(PersonTag.visibleTags(PersonTag.allCases, with: ApiScope.permissions(of: [.mapRead])), [])
        for role in Role.allCases {
            XCTAssertEqual(PersonTag.visibleTags(PersonTag.allCases, with: role.permissions),
                           PersonTag.visibleTags(PersonTag.allCases, to: role), role.rawValue)
        }
    }
}
