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

/// The people of a centre working cases through the router: accounts for every role the loops need,
/// two departments, a manual clock, and helpers that post commands and check answers.
struct CaseDesk {
    let client: any TestClientProtocol
    let platform: Platform
    let clock: ManualClock
    let lead: Int64
    let assisting: Int64
    let other: Int64

    static let outsideTownship = "150207009000"

    static func run(_ body: @escaping @Sendable (CaseDesk) async throws -> Void) async throws {
        try await TestDatabases.withSQLite { db in try await run(on: db, body) }
    }

    /// `run` on SQLite, and on PostgreSQL too when the test server is configured.
    static func each(_ body: @escaping @Sendable (CaseDesk) async throws -> Void) async throws {
        try await TestDatabases.each { db in try await run(on: db, body) }
    }

    static func run(on db: any Database, _ body: @escaping @Sendable (CaseDesk) async throws -> Void) async throws {
        try await SampleAreas.insert(into: db)
        let clock = ManualClock()
        let platform = try TestPlatform.make(database: db, clock: clock)
        let setupID = try await TestAccounts.create("setup", role: .leader, area: SampleAreas.county, in: db)
        let setup = Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备", role: .leader,
                                        jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                           ip: "test")
        let centers = CenterAdministration(platform: platform)
        let lead = try await centers.addDepartment(areaCode: SampleAreas.township, code: "police", name: "派出所",
                                                   stationing: .resident, caller: setup)
        let assisting = try await centers.addDepartment(areaCode: SampleAreas.township, code: "court", name: "人民法庭",
                                                        stationing: .resident, caller: setup)
        let other = try await centers.addDepartment(areaCode: SampleAreas.township, code: "judicial", name: "司法所",
                                                    stationing: .resident, caller: setup)
        let accounts: [(String, Role, String, Int64?)] = [
            ("desk", .intakeOperator, SampleAreas.township, nil), ("disp", .dispatcher, SampleAreas.township, nil),
            ("grid", .gridWorker, SampleAreas.grid, nil), ("gl", .gridLeader, SampleAreas.village, nil),
            ("lead", .departmentHandler, SampleAreas.township, lead),
            ("assist", .departmentHandler, SampleAreas.township, assisting),
            ("other", .departmentHandler, SampleAreas.township, other),
            ("cdisp", .dispatcher, SampleAreas.county, nil), ("citydisp", .dispatcher, SampleAreas.city, nil),
            ("boss", .leader, SampleAreas.county, nil), ("outsider", .dispatcher, outsideTownship, nil),
        ]
        for (name, role, area, department) in accounts {
            try await TestAccounts.create(name, role: role, area: area, departmentID: department, in: db)
        }
        let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
        try await app.test(.router) { client in
            try await body(CaseDesk(client: client, platform: platform, clock: clock, lead: lead,
                                    assisting: assisting, other: other))
        }
    }

    /// Headers of a fresh session of `username` (fresh, so that moving the clock never ends it).
    func headers(_ username: String) async throws -> HTTPFields {
        let signedIn = try await Authentication(platform: platform).signIn(
            username: username, password: TestAccounts.password, ip: "10.1.0.1")
        return [.cookie: "fq_session=\(signedIn.token)", .init("X-CSRF-Token")!: signedIn.session.csrfToken,
                .accept: "application/json", .contentType: "application/json"]
    }

    func post(_ uri: String, by username: String, body: String = "{}", key: String? = nil, ifMatch: Int? = nil)
        async throws -> TestResponse
    {
        var headers = try await headers(username)
        if let key { headers[.init("Idempotency-Key")!] = key }
        if let ifMatch { headers[.ifMatch] = "\"\(ifMatch)\"" }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Opens a case on the sample grid as the desk operator; returns its number.
    func open(by username: String = "desk", description: String = "邻居装修噪音扰民") async throws -> String {
        let response = try await post("/api/v1/cases", by: username, body: """
            {"channel":"walkIn","kind":"dispute","description":"\(description)","gridCode":"\(SampleAreas.grid)",
             "contactName":"王芳","contactPhone":"13800138000",
             "parties":[{"side":"applicant","name":"王芳","phone":"13800138000"},{"side":"respondent","name":"李强"}]}
            """)
        XCTAssertEqual(response.status, .created, response.text)
        let json = try response.json()
        XCTAssertEqual(json["state"] as? String, "reported")
        XCTAssertEqual(json["version"] as? Int, 1)
        return try XCTUnwrap(json["number"] as? String)
    }

    /// Runs `command` and expects success in `state`; returns the case view.
    @discardableResult
    func run(_ number: String, _ command: String, by username: String, _ body: String = "{}", expect state: String,
             file: StaticString = #filePath, line: UInt = #line) async throws -> [String: Any]
    {
        let response = try await post("/api/v1/cases/\(number)/\(command)", by: username, body: body)
        XCTAssertEqual(response.status, .ok, "\(command): \(response.text)", file: file, line: line)
        let json = try response.json()
        XCTAssertEqual(json["state"] as? String, state, "\(command)", file: file, line: line)
        let timeline = json["timeline"] as? [[String: Any]] ?? []
        XCTAssertEqual(json["version"] as? Int, timeline.count, "version counts the events", file: file, line: line)
        XCTAssertEqual(response.headers[.eTag], "\"\(json["version"] as? Int ?? -1)\"", file: file, line: line)
        return json
    }

    /// Expects `command` refused with `status` and `code`.
    func refused(_ number: String, _ command: String, by username: String, _ body: String = "{}", status: Int, code: String,
                 file: StaticString = #filePath, line: UInt = #line) async throws
    {
        let response = try await post("/api/v1/cases/\(number)/\(command)", by: username, body: body)
        XCTAssertEqual(response.status.code, status, "\(command): \(response.text)", file: file, line: line)
        XCTAssertEqual(try response.json()["code"] as? String, code, response.text, file: file, line: line)
    }

    func get(_ number: String, by username: String) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/cases/\(number)", method: .get, headers: try await headers(username))
    }

    static func types(_ json: [String: Any]) -> [String] {
        (json["timeline"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    func dispatchBody(assisting: Bool = true) -> String {
        assisting ? #"{"lead":\#(lead),"assisting":[\#(self.assisting)]}"# : #"{"lead":\#(lead)}"#
    }
}
