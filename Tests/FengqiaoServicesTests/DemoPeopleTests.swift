import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// Residents carry valid, encrypted identity numbers and phones; organisations valid credit codes;
/// places lie in their grid; there is one demo login per role.
final class DemoPeopleTests: XCTestCase {
    func testResidentsHaveValidEncryptedIdentifiers() async throws {
        let cipher = try TestPlatform.cipher()
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let people = try await DemoRows.query(db, "SELECT * FROM people ORDER BY id")
            XCTAssertEqual(people.count, summary.people)
            XCTAssertGreaterThan(people.count, 300)
            var indexes: Set<String> = []
            for person in people {
                let raw = try cipher.open(person["id_number_cipher"] ?? "")
                let id = try XCTUnwrap(ResidentIdentityNumber(raw), "invalid identity number \(raw)")
                XCTAssertEqual(id.isMale, person["gender"] == "male", raw)
                XCTAssertEqual(person["id_number_masked"], id.masked)
                XCTAssertEqual(person["id_number_index"], cipher.blindIndex(raw))
                XCTAssertEqual(String(raw.dropFirst(6).prefix(4)), person["birth_year"])
                XCTAssertTrue((1940...2008).contains(Int(person["birth_year"] ?? "") ?? 0))
                XCTAssertEqual(
                    String(raw.prefix(6)), String((person["grid_code"] ?? "").prefix(6)), "division is the county's")
                XCTAssertTrue(indexes.insert(person["id_number_index"] ?? "").inserted)
                let name = person["name"] ?? ""
                XCTAssertTrue((2...6).contains(name.count), name)
                if let sealed = person["phone_cipher"], sealed != "∅" {
                    let phone = try XCTUnwrap(PhoneNumber(try cipher.open(sealed)))
                    XCTAssertEqual(person["phone_masked"], phone.masked)
                    XCTAssertEqual(phone.rawValue.count, 11)
                }
                let tags = (person["tags"] ?? "").split(separator: ",")
                XCTAssertTrue(
                    tags.allSatisfy { ["低保户", "独居老人", "退役军人", "残疾人", "留守儿童", "党员", "流动人口", "重点人员"].contains($0) })
            }
            let withPhone = people.filter { $0["phone_cipher"] != "∅" }.count
            XCTAssertGreaterThan(withPhone, people.count * 3 / 4)
        }
    }

    func testOrganisationsPlacesDepartmentsAndLogins() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let organizations = try await DemoRows.query(db, "SELECT * FROM organizations")
            XCTAssertEqual(organizations.count, summary.organizations)
            for org in organizations {
                XCTAssertTrue(Self.isValidCreditCode(org["credit_code"] ?? ""), org["credit_code"] ?? "")
            }
            let misplaced = try await DemoRows.count(
                db,
                """
                SELECT COUNT(*) AS n FROM places p JOIN areas a ON a.code = p.grid_code
                WHERE p.lat < a.min_lat OR p.lat >= a.max_lat OR p.lon < a.min_lon OR p.lon >= a.max_lon
                """)
            XCTAssertEqual(misplaced, 0)
            // Every county and township centre has the 9 core departments.
            let centres = try await DemoRows.query(
                db,
                """
                SELECT area_code, SUM(is_core) AS core, COUNT(*) AS total FROM departments GROUP BY area_code
                """)
            XCTAssertEqual(centres.count, 1 + 3)
            for centre in centres {
                XCTAssertEqual(centre["core"], "9")
                XCTAssertGreaterThan(Int(centre["total"] ?? "") ?? 0, 9)
            }
            XCTAssertEqual(Set(summary.logins.map(\.role)), Set(Role.allCases))
            XCTAssertEqual(summary.logins.count, Role.allCases.count)
            for login in summary.logins {
                let rows = try await DemoRows.query(
                    db, "SELECT role, password_hash FROM accounts WHERE username = '\(login.username)'")
                XCTAssertEqual(rows.first?["role"], login.role.rawValue)
                XCTAssertTrue(rows.first?["password_hash"]?.hasPrefix("$2") ?? false)
                XCTAssertGreaterThanOrEqual(login.password.count, 12)
            }
            let hashes = try await DemoRows.count(db, "SELECT COUNT(DISTINCT password_hash) AS n FROM accounts")
            XCTAssertEqual(
                hashes, Role.allCases.count + 1, "demo accounts have their own hash, all others share a locked one")
        }
    }

    /// GB 32100-2015 check character, and GB 11714 check of the embedded organisation code.
    static func isValidCreditCode(_ code: String) -> Bool {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let chars = Array(code)
        guard chars.count == 18 else { return false }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var sum = 0
        for i in 0..<17 {
            guard let v = alphabet.firstIndex(of: chars[i]) else { return false }
            sum += v * weights[i]
        }
        guard alphabet[(31 - sum % 31) % 31] == chars[17] else { return false }
        let org = chars[8..<16].compactMap(\.wholeNumberValue)
        guard org.count == 8 else { return false }
        let c9 = 11 - zip(org, [3, 7, 9, 10, 5, 8, 4, 2]).reduce(0) { $0 + $1.0 * $1.1 } % 11
        let expected: Character = c9 == 10 ? "X" : c9 == 11 ? "0" : Character(String(c9))
        return chars[16] == expected
    }
}
