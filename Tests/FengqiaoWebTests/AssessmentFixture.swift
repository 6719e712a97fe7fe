import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The tiny demo (九原区: three townships, their departments and grid workers, a year of cases) with accounts to
/// look at its assessment: an assessor and a leader of the whole area, a grid leader of the first township, a
/// department handler of one department and an intake operator (who may not see scores).
struct AssessmentFixture {
    let client: any TestClientProtocol
    let platform: Platform
    let sessions: [String: SignedInBrowser]
    /// The townships, by code, with their names.
    let townships: [(code: String, name: String)]
    let department: (id: Int64, name: String, areaCode: String)
    let otherDepartment: (id: Int64, name: String, areaCode: String)

    static func run(_ body: @escaping @Sendable (AssessmentFixture) async throws -> Void) async throws {
        try await TestDatabases.withSQLite { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let atlas = try await platform.areaAtlas()
            let root = try XCTUnwrap(atlas.rootCode)
            var townships: [(code: String, name: String)] = []
            var queue = [root]
            while let code = queue.popLast() {
                for child in atlas.children(of: code) {
                    if child.level == .township { townships.append((child.code, child.name)) } else if child.level < .township {
                        queue.append(child.code)
                    }
                }
            }
            townships.sort { $0.code < $1.code }
            let departments = try await db.read { try await AssessmentRepository($0).departments() }
            XCTAssertGreaterThanOrEqual(townships.count, 2)
            XCTAssertGreaterThanOrEqual(departments.count, 2)
            let accounts: [(String, Role, String, Int64?)] = [
                ("kh", .assessor, root, nil), ("ld", .leader, root, nil), ("tl", .gridLeader, townships[0].code, nil),
                ("tw", .leader, townships[0].code, nil),
                ("dh", .departmentHandler, departments[0].areaCode, departments[0].id), ("io", .intakeOperator, root, nil),
            ]
            var sessions: [String: SignedInBrowser] = [:]
            for (n, (username, role, area, department)) in accounts.enumerated() {
                try await TestAccounts.create(username, role: role, area: area, departmentID: department, in: db)
                let signedIn = try await Authentication(platform: platform).signIn(
                    username: username, password: TestAccounts.password, ip: "10.3.0.\(n)")
                sessions[username] = SignedInBrowser(cookie: "fq_session=\(signedIn.token)", csrf: signedIn.session.csrfToken)
            }
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            let (signedIn, found) = (sessions, townships)
            try await app.test(.router) { client in
                try await body(AssessmentFixture(client: client, platform: platform, sessions: signedIn, townships: found,
                                                 department: departments[0], otherDepartment: departments[1]))
            }
        }
    }

    func get(_ uri: String, as user: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: sessions[user]?.headers ?? [.accept: "text/html"])
    }

    func post(_ uri: String, _ body: String, as user: String) async throws -> TestResponse {
        let session = try XCTUnwrap(sessions[user])
        return try await client.execute(uri: uri, method: .post, headers: session.formHeaders(),
                                        body: ByteBuffer(string: "_csrf=\(session.csrf)&" + body))
    }

    /// Scores the month (or quarter) for every kind of unit as the assessor.
    func compute(_ period: String) async throws {
        for kind in AssessedUnitKind.allCases {
            let response = try await post("/assessment/compute", "period=\(period)&kind=\(kind.rawValue)", as: "kh")
            XCTAssertEqual(response.status, .seeOther, response.text)
            XCTAssertEqual(response.headers[.location], "/assessment?period=\(period)&kind=\(kind.rawValue)")
        }
    }
}
