import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import XCTest

/// A petition office working through the router: the sample areas, petition officers of the township
/// and the county, the township's leader and dispatcher, a department handler, readers without the
/// permission, an officer of another township; a manual clock; helpers that post and count.
struct PetitionDesk {
    let client: any TestClientProtocol
    let platform: Platform
    let clock: ManualClock
    let department: Int64

    static let outsideTownship = "150207009000"
    static let idNumber = ResidentIdentityNumber(division: "150207", birthDate: "19750312", sequence: 31)?.rawValue ?? ""
    static let otherIdNumber = ResidentIdentityNumber(division: "150207", birthDate: "19820705", sequence: 42)?.rawValue ?? ""
    static let thirdIdNumber = ResidentIdentityNumber(division: "150207", birthDate: "19900101", sequence: 53)?.rawValue ?? ""

    /// On SQLite, and on PostgreSQL too when the test server is configured; the clock starts at `start`.
    static func each(start: Date = TestPlatform.referenceDate, _ body: @escaping @Sendable (PetitionDesk) async throws -> Void)
        async throws
    {
        try await TestDatabases.each { db in try await run(on: db, start: start, body) }
    }

    static func run(on db: any Database, start: Date, _ body: @escaping @Sendable (PetitionDesk) async throws -> Void)
        async throws
    {
        try await SampleAreas.insert(into: db)
        let clock = ManualClock(start)
        let platform = try TestPlatform.make(database: db, clock: clock)
        let setupID = try await TestAccounts.create("setup", role: .leader, area: SampleAreas.county, in: db)
        let setup = Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备", role: .leader,
                                        jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                           ip: "test")
        let department = try await CenterAdministration(platform: platform).addDepartment(
            areaCode: SampleAreas.township, code: "humanResources", name: "人社所", stationing: .resident, caller: setup)
        let accounts: [(String, Role, String, Int64?, String)] = [
            ("officer", .petitionOfficer, SampleAreas.township, nil, "赵信访"),
            ("officer2", .petitionOfficer, SampleAreas.township, nil, "钱信访"),
            ("county", .petitionOfficer, SampleAreas.county, nil, "孙信访"),
            ("boss", .leader, SampleAreas.township, nil, "李镇长"),
            ("disp", .dispatcher, SampleAreas.township, nil, "周调度"),
            ("lead", .departmentHandler, SampleAreas.township, department, "吴办理"),
            ("grid", .gridWorker, SampleAreas.grid, nil, "郑网格"),
            ("desk", .intakeOperator, SampleAreas.township, nil, "王受理"),
            ("auditor", .auditor, SampleAreas.city, nil, "冯审计"),
            ("outsider", .petitionOfficer, outsideTownship, nil, "陈外镇"),
        ]
        for (name, role, area, dept, display) in accounts {
            try await TestAccounts.create(name, role: role, area: area, departmentID: dept, displayName: display, in: db)
        }
        // A registered resident, so that a petitioner with the same 公民身份号码 is linked to them.
        _ = try await ResidentRegistry(platform: platform).register(ResidentSubmission(
            name: "张伟", idNumber: idNumber, phone: "13800001111", gridCode: SampleAreas.grid, address: "康乐小区3栋"),
            caller: Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备", role: .gridLeader,
                                        jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                           ip: "test"))
        let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
        try await app.test(.router) { client in
            try await body(PetitionDesk(client: client, platform: platform, clock: clock, department: department))
        }
    }

    /// A fresh session of `username` (fresh, so that moving the clock never ends it).
    func session(_ username: String) async throws -> (cookie: String, csrf: String) {
        let signedIn = try await Authentication(platform: platform).signIn(
            username: username, password: TestAccounts.password, ip: "10.1.0.1")
        return ("fq_session=\(signedIn.token)", signedIn.session.csrfToken)
    }

    func headers(_ username: String) async throws -> HTTPFields {
        let session = try await session(username)
        return [.cookie: session.cookie, .init("X-CSRF-Token")!: session.csrf, .accept: "application/json",
                .contentType: "application/json"]
    }

    func post(_ uri: String, by username: String, _ body: String = "{}", key: String? = nil) async throws -> TestResponse {
        var headers = try await headers(username)
        if let key { headers[.init("Idempotency-Key")!] = key }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func get(_ uri: String, by username: String, html: Bool = false) async throws -> TestResponse {
        var headers = try await headers(username)
        if html { headers[.accept] = "text/html" }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// Posts an urlencoded form as `username` with its CSRF token (unless `csrf` is false).
    func postForm(_ uri: String, by username: String, _ fields: [(String, String)], csrf: Bool = true) async throws
        -> TestResponse
    {
        let session = try await session(username)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = ((csrf ? [("_csrf", session.csrf)] : []) + fields).map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: session.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    /// A registration body: one petitioner per (name, idNumber, phone).
    static func body(
        form: String = "visit", persons: Int? = 1, petitioners: [(String, String?, String?)] = [("张伟", idNumber, "13800001111")],
        description: String = "拖欠农民工工资三个月,要求用工单位支付", category: String = "dispute.unpaidWages",
        grid: String = SampleAreas.grid, organ: String? = "某建筑公司", firstResponder: String? = nil,
        receivedAt: String? = nil
    ) -> String {
        var object: [String: Any] = [
            "form": form, "description": description, "category": category, "gridCode": grid,
            "petitioners": petitioners.map { p in
                var row: [String: String] = ["name": p.0]
                if let id = p.1 { row["idNumber"] = id }
                if let phone = p.2 { row["phone"] = phone }
                return row
            },
        ]
        if let persons { object["persons"] = persons }
        if let organ { object["respondentOrgan"] = organ }
        if let firstResponder { object["firstResponder"] = firstResponder }
        if let receivedAt { object["receivedAt"] = receivedAt }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Registers a petition as `username`, expecting 201; returns its JSON.
    @discardableResult
    func register(_ body: String = PetitionDesk.body(), by username: String = "officer",
                  file: StaticString = #filePath, line: UInt = #line) async throws -> [String: Any]
    {
        let response = try await post("/api/v1/petitions", by: username, body)
        XCTAssertEqual(response.status, .created, response.text, file: file, line: line)
        return try response.json()
    }

    /// Posts `action` on petition `id` and expects `status`; returns the answer's JSON.
    @discardableResult
    func act(_ id: Any, _ action: String, by username: String = "officer", _ body: String = "{}", expect status: Int = 200,
             code: String? = nil, file: StaticString = #filePath, line: UInt = #line) async throws -> [String: Any]
    {
        let response = try await post("/api/v1/petitions/\(id)/\(action)", by: username, body)
        XCTAssertEqual(response.status.code, status, "\(action): \(response.text)", file: file, line: line)
        let json = (try? response.json()) ?? [:]
        if let code { XCTAssertEqual(json["code"] as? String, code, response.text, file: file, line: line) }
        return json
    }

    /// Runs an engine command on case `number` (the existing case API), expecting 200.
    func engine(_ number: String, _ command: String, by username: String, _ body: String = "{}",
                file: StaticString = #filePath, line: UInt = #line) async throws
    {
        let response = try await post("/api/v1/cases/\(number)/\(command)", by: username, body)
        XCTAssertEqual(response.status, .ok, "\(command): \(response.text)", file: file, line: line)
    }

    /// Takes accepted petition `json`'s case through the workflow to verified: dispatch, sign-for, feedback, verify.
    func handle(_ json: [String: Any]) async throws {
        let number = try XCTUnwrap(json["caseNumber"] as? String)
        try await engine(number, "dispatch", by: "disp", #"{"lead":\#(department)}"#)
        try await engine(number, "sign-for", by: "lead")
        try await engine(number, "feedback", by: "lead", #"{"result":"已督促用工单位结清工资","evidence":["结算单"]}"#)
        try await engine(number, "verify", by: "disp", #"{"pass":true}"#)
    }

    func count(_ table: String, where filter: (String, String)? = nil) async throws -> Int {
        try await platform.database.read { try await $0.countRows(in: table, where: filter) }
    }

    /// Rows of the tables a petition write touches, to show that a refusal wrote nothing.
    func rowCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["petitions", "petitioners", "cases", "case_events", "case_clocks", "command_receipts"] {
            counts[table] = try await count(table)
        }
        // Every request here signs in afresh (session.sign_in); everything else the audit log holds counts.
        counts["audit_log"] = try await platform.database.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
                .where("action", .notLike, "session.%").first()?.decode(column: "n", as: Int.self) ?? -1
        }
        return counts
    }

    func caseJSON(_ number: String) async throws -> [String: Any] {
        let response = try await get("/api/v1/cases/\(number)", by: "officer")
        XCTAssertEqual(response.status, .ok, response.text)
        return try response.json()
    }

    /// The engine's row of case `number`.
    func caseRecord(_ number: String) async throws -> CaseRecord? {
        try await platform.database.read { try await CaseRepository($0).find(number: number) }
    }

    static func fields(_ json: [String: Any]) -> [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { error in
            guard let field = error["field"] as? String, let code = error["code"] as? String else { return nil }
            return "\(field) \(code)"
        }
    }

    static func clock(_ json: [String: Any], _ kind: String) -> [String: Any]? {
        (json["clocks"] as? [[String: Any]])?.first { $0["kind"] as? String == kind }
    }

    /// `2026-09-22 09:00`, Beijing time.
    static func beijing(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text.replacingOccurrences(of: " ", with: "T") + ":00+08:00") ?? .distantPast
    }

    /// `2026-10-15 17:30` Beijing time as the API writes instants (ISO 8601, UTC).
    static func iso(_ beijing: String) -> String {
        let date = ISO8601DateFormatter().date(from: beijing.replacingOccurrences(of: " ", with: "T") + ":00+08:00")
        return date.map { ISO8601DateFormatter().string(from: $0) } ?? "?"
    }
}
