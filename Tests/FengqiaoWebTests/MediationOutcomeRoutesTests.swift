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

/// The outcomes of mediations through the router on SQLite and PostgreSQL: the JSON API (conclude, the
/// 人民调解协议书 PDF read back with pdftotext, the signed copy, performance, the hand-off inside the
/// window across 国庆节, the ZIP package opened with unzip, the ruling) and the page's forms, with roles,
/// jurisdiction (404 outside), field errors in Chinese and nothing half-written.
final class MediationOutcomeRoutesTests: XCTestCase {
    struct World {
        var platform: Platform
        var clock: ManualClock
        var village: MediationOrganizationView
        var bater: MediatorView
    }

    /// The sample areas and township B, a village committee with 巴特尔, and accounts: keeper (dispatcher),
    /// med (mediator), boss (leader, county), away (mediator, B); the clock at 2026-09-01 10:00.
    func withWorld(_ body: @escaping @Sendable (any TestClientProtocol, World) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await CameraFixture.insertTownshipB(into: db)
            let clock = ManualClock((CivilDate("2026-09-01")?.start ?? TestPlatform.referenceDate).addingTimeInterval(36_000))
            let platform = try TestPlatform.make(database: db, clock: clock)
            let county = CameraFixture.person(.dispatcher, SampleAreas.county)
            let registry = MediationRegistry(platform: platform)
            let village = try await registry.createOrganization(MediationOrganizationSubmission(
                areaCode: SampleAreas.village, kind: "villageCommittee", name: "康乐社区人民调解委员会"), caller: county)
            let bater = try await registry.createMediator(MediatorSubmission(
                organizationId: village.id, name: "巴特尔", specialties: ["邻里"]), caller: county)
            try await TestAccounts.create("keeper", role: .dispatcher, area: SampleAreas.township, in: db)
            try await TestAccounts.create("med", role: .mediator, area: SampleAreas.township, in: db)
            try await TestAccounts.create("boss", role: .leader, area: SampleAreas.county, in: db)
            try await TestAccounts.create("away", role: .mediator, area: CameraFixture.townshipB, in: db)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in
                try await body(client, World(platform: platform, clock: clock, village: village, bater: bater))
            }
            try? FileManager.default.removeItem(at: platform.uploads.directory)
        }
    }

    static func counts(_ platform: Platform) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["mediation_conclusions", "mediation_agreements", "case_attachments", "case_events", "audit_log"] {
            counts.append(try await MediationCaseRoutesTests.count(table, platform))
        }
        let states = try await platform.database.read { sql in
            try await sql.select().column("state").from("mediation_cases").orderBy("id").all()
                .map { try $0.decode(column: "state", as: String.self) }
        }
        return counts + [states.filter { $0 == "open" }.count]
    }

    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 1, count: 64)

    /// A multipart body with `fields` and, when given, a file in `file`.
    static func multipart(_ fields: [(String, String)], file: (name: String, data: Data)?) -> (String, ByteBuffer) {
        let boundary = "OutcomeBoundary"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    /// Runs `/usr/bin/unzip` with `arguments` on `zip`; its standard output.
    static func unzip(_ zip: Data, _ arguments: [String]) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fq-package-\(UUID().uuidString).zip")
        try zip.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = [arguments[0], file.path] + arguments.dropFirst()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "unzip \(arguments)")
        return data
    }

    static let opening = #"{"specialty":"邻里","facts":"楼上漏水导致楼下房屋受损,双方就赔偿金额协商未果","amountFen":1500000,"areaCode":"\#(SampleAreas.grid)","organizationId":{org},"mediatorId":{mediator},"parties":[{"side":"applicant","name":"李明","phone":"13812345678"},{"side":"respondent","name":"赵刚","phone":"13987654321"}]}"#
    static let success = #"{"outcome":"调解成功","agreement":{"facts":"楼上漏水导致楼下房屋受损。\n经调解,双方同意由被申请人赔偿。","terms":[{"obligor":"被申请人","content":"赔偿房屋维修费用","amount":"12,000.50","dueOn":"2026-09-30"},{"obligor":"申请人","content":"配合被申请人入户检修"}],"performanceMethod":"限期履行","performanceDeadline":"2026-10-15"}}"#

    func testTheAPI() async throws {
        try await withWorld { client, w in
            var keeper = try await signIn(client, username: "keeper")
            var med = try await signIn(client, username: "med")
            var boss = try await signIn(client, username: "boss")
            let away = try await signIn(client, username: "away")
            func post(_ uri: String, _ body: String, as browser: SignedInBrowser) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: MediationCaseRoutesTests.json(browser),
                                         body: ByteBuffer(string: body))
            }
            func get(_ uri: String, as browser: SignedInBrowser) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .get, headers: MediationCaseRoutesTests.json(browser))
            }
            func upload(_ number: String, _ fields: [(String, String)], file: (name: String, data: Data)?,
                        as browser: SignedInBrowser) async throws -> TestResponse {
                let (type, body) = Self.multipart(fields, file: file)
                return try await client.execute(
                    uri: "/api/v1/mediation/cases/\(number)/agreement/signed-copy", method: .post,
                    headers: [.cookie: browser.cookie, .csrfHeader: browser.csrf, .contentType: type, .accept: "application/json"],
                    body: body)
            }
            let opening = Self.opening.replacingOccurrences(of: "{org}", with: String(w.village.id))
                .replacingOccurrences(of: "{mediator}", with: String(w.bater.id))
            var numbers: [String] = []
            for _ in 0..<2 {
                let created = try await post("/api/v1/mediation/cases", opening, as: keeper)
                XCTAssertEqual(created.status, .created, created.text)
                numbers.append(try XCTUnwrap(try created.json()["number"] as? String))
            }
            let (number, second) = (numbers[0], numbers[1])
            let base = "/api/v1/mediation/cases/\(number)"

            // Refusals first: nothing is written.
            let before = try await Self.counts(w.platform)
            let forbidden = try await post(base + "/conclusion", Self.success, as: boss)
            XCTAssertEqual(forbidden.status, .forbidden)
            let hidden = try await post(base + "/conclusion", Self.success, as: away)
            XCTAssertEqual(hidden.status, .notFound)
            let hiddenRead = try await get(base + "/outcome", as: away)
            XCTAssertEqual(hiddenRead.status, .notFound)
            let invalid = try await post(base + "/conclusion", #"{"outcome":"调解成功","agreement":{"facts":"","terms":[{"obligor":"第三人","content":"付款","amount":"1.234"}],"performanceMethod":"限期履行","performanceDeadline":"2026-08-01"}}"#, as: med)
            XCTAssertEqual(invalid.status, .unprocessableContent)
            for field in ["facts", "terms[0].obligor", "terms[0].amount", "performanceDeadline"] {
                XCTAssertTrue(invalid.text.contains(#""field":"\#(field)""#), "\(field): \(invalid.text)")
            }
            XCTAssertTrue(containsChinese(invalid.text))
            let failedWithoutRoute = try await post(base + "/conclusion", #"{"outcome":"failed"}"#, as: med)
            XCTAssertEqual(failedWithoutRoute.status, .unprocessableContent)
            XCTAssertTrue(failedWithoutRoute.text.contains(#""field":"route""#) && failedWithoutRoute.text.contains(#""field":"note""#))
            let wrongType = try await post(base + "/conclusion", #"{"outcome":1}"#, as: med)
            XCTAssertEqual(wrongType.status, .badRequest)
            let noAgreement = try await get(base + "/agreement.pdf", as: boss)
            XCTAssertEqual(noAgreement.status, .conflict)
            XCTAssertTrue(noAgreement.text.contains("no_agreement"), noAgreement.text)
            let early = try await post(base + "/agreement/performance", #"{"state":"performed"}"#, as: med)
            XCTAssertEqual(early.status, .conflict)
            let unchanged = try await Self.counts(w.platform)
            XCTAssertEqual(unchanged, before)

            // Success.
            let concluded = try await post(base + "/conclusion", Self.success, as: med)
            XCTAssertEqual(concluded.status, .created, concluded.text)
            XCTAssertTrue(concluded.text.contains(#""state":"succeeded""#) && concluded.text.contains(#""amountFen":1200050"#), concluded.text)
            let again = try await post(base + "/conclusion", Self.success, as: med)
            XCTAssertEqual(again.status, .conflict)
            XCTAssertTrue(again.text.contains("mediation_closed"), again.text)
            _ = try await post("/api/v1/mediation/cases/\(second)/conclusion", Self.success, as: med)
            let read = try await get(base + "/outcome", as: boss)
            XCTAssertEqual(read.status, .ok)
            XCTAssertTrue(read.text.contains(#""performance":"pending""#) && read.text.contains(#""documentNumber":"〔2026〕150207调字第"#), read.text)

            // The 人民调解协议书, read back from the PDF: parties by name, terms, amounts, deadline; no phones.
            let pdf = try await get(base + "/agreement.pdf", as: boss)
            XCTAssertEqual(pdf.status, .ok, pdf.text.prefix(300).description)
            XCTAssertEqual(pdf.headers[.contentType], "application/pdf")
            XCTAssertTrue((pdf.headers[.contentDisposition] ?? "").contains("filename*=UTF-8''"), "\(pdf.headers)")
            let printed = PrintedDocument(Data(buffer: pdf.body))
            let text = try printed.text().replacingOccurrences(of: " ", with: "")
            for expected in ["人民调解协议书", "〔2026〕150207调字第", "李明", "赵刚", "申请人", "被申请人", "赔偿房屋维修费用",
                             "12,000.50", "2026年9月30日", "2026年10月15日", "限期履行", "康乐社区人民调解委员会", "巴特尔"] {
                XCTAssertTrue(text.contains(expected), "\(expected) in:\n\(text)")
            }
            XCTAssertFalse(text.contains("13812345678") || text.contains("138****5678") || text.contains("4321"), text)
            try printed.firstPagePNG(named: "mediation-agreement")
            let hiddenPDF = try await get(base + "/agreement.pdf", as: away)
            XCTAssertEqual(hiddenPDF.status, .notFound)

            // The signed copy.
            let counted = try await Self.counts(w.platform)
            let badUpload = try await upload(number, [("signedOn", "2026-09-02")], file: ("协议.txt", Data("签了".utf8)), as: med)
            XCTAssertEqual(badUpload.status, .unprocessableContent)
            XCTAssertTrue(badUpload.text.contains(#""field":"file""#) && badUpload.text.contains(#""field":"signedOn""#), badUpload.text)
            let noFile = try await upload(number, [("signedOn", "2026-09-01")], file: nil, as: med)
            XCTAssertEqual(noFile.status, .unprocessableContent)
            XCTAssertTrue(noFile.text.contains("请选择要上传的文件"), noFile.text)
            let bossUpload = try await upload(number, [("signedOn", "2026-09-01")], file: ("协议.png", Self.png), as: boss)
            XCTAssertEqual(bossUpload.status, .forbidden)
            let awayUpload = try await upload(number, [("signedOn", "2026-09-01")], file: ("协议.png", Self.png), as: away)
            XCTAssertEqual(awayUpload.status, .notFound)
            let afterRefusals = try await Self.counts(w.platform)
            XCTAssertEqual(afterRefusals, counted)
            let signed = try await upload(number, [("signedOn", "2026-09-01")], file: ("协议签署页.png", Self.png), as: med)
            XCTAssertEqual(signed.status, .created, signed.text)
            XCTAssertTrue(signed.text.contains(#""lastDay":"2026-10-08""#) && signed.text.contains(#""open":true"#), signed.text)
            _ = try await upload(second, [("signedOn", "2026-09-01")], file: ("b.png", Self.png), as: med)

            let badPerformance = try await post(base + "/agreement/performance", #"{"state":"未履行","day":"2026-09-05"}"#, as: med)
            XCTAssertEqual(badPerformance.status, .unprocessableContent)
            XCTAssertTrue(badPerformance.text.contains(#""field":"note""#) && badPerformance.text.contains(#""field":"day""#), badPerformance.text)
            let performed = try await post(base + "/agreement/performance", #"{"state":"partlyPerformed","note":"已支付6000元"}"#, as: med)
            XCTAssertEqual(performed.status, .ok, performed.text)
            XCTAssertTrue(performed.text.contains(#""performanceName":"部分履行""#), performed.text)

            // The hand-off package: four entries with Chinese names, the data in 分 and yuan.
            let package = try await get(base + "/confirmation/package.zip", as: boss)
            XCTAssertEqual(package.status, .ok, package.text.prefix(300).description)
            XCTAssertEqual(package.headers[.contentType], "application/zip")
            let zip = Data(buffer: package.body)
            let names = String(decoding: try Self.unzip(zip, ["-Z1"]), as: UTF8.self).split(separator: "\n").map(String.init)
            XCTAssertEqual(names, ["司法确认申请书.pdf", "人民调解协议书.pdf", "人民调解协议书(签署文本).png", "调解数据.json"])
            let copy = try Self.unzip(zip, ["-p", "人民调解协议书(签署文本).png"])
            XCTAssertEqual(copy, Self.png)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: try Self.unzip(zip, ["-p", "调解数据.json"])) as? [String: Any])
            let parties = try XCTUnwrap(json["parties"] as? [[String: Any]])
            XCTAssertEqual(parties.map { "\($0["sideName"] ?? ""):\($0["name"] ?? "")" }, ["申请人:李明", "被申请人:赵刚"])
            XCTAssertFalse(String(decoding: try Self.unzip(zip, ["-p", "调解数据.json"]), as: UTF8.self).contains("138"))
            let agreement = try XCTUnwrap(json["agreement"] as? [String: Any])
            let terms = try XCTUnwrap(agreement["terms"] as? [[String: Any]])
            XCTAssertEqual(terms.first?["amountFen"] as? Int, 1_200_050)
            XCTAssertEqual(terms.first?["amountYuan"] as? String, "12000.50")
            XCTAssertEqual(agreement["signedOn"] as? String, "2026-09-01")
            XCTAssertEqual(agreement["performanceDeadline"] as? String, "2026-10-15")
            XCTAssertEqual((json["confirmation"] as? [String: Any])?["windowLastDay"] as? String, "2026-10-08")
            XCTAssertEqual((json["mediation"] as? [String: Any])?["number"] as? String, number)
            let application = try PrintedDocument(Self.unzip(zip, ["-p", "司法确认申请书.pdf"])).text()
                .replacingOccurrences(of: " ", with: "")
            for expected in ["司法确认申请书", "李明", "赵刚", "2026年9月1日", "2026年10月8日", "赔偿房屋维修费用", "12,000.50"] {
                XCTAssertTrue(application.contains(expected), "\(expected) in:\n\(application)")
            }
            try PrintedDocument(Self.unzip(zip, ["-p", "司法确认申请书.pdf"])).firstPagePNG(named: "confirmation-application")

            // Hand-off and ruling.
            let badHandOff = try await post(base + "/confirmation", #"{"court":"","day":"2026-08-01"}"#, as: med)
            XCTAssertEqual(badHandOff.status, .unprocessableContent)
            XCTAssertTrue(badHandOff.text.contains(#""field":"court""#) && badHandOff.text.contains(#""field":"day""#), badHandOff.text)
            let handed = try await post(base + "/confirmation", #"{"court":"九原区人民法院"}"#, as: med)
            XCTAssertEqual(handed.status, .ok, handed.text)
            XCTAssertTrue(handed.text.contains(#""confirmation":"handedOff""#), handed.text)
            let ruled = try await post(base + "/confirmation/ruling", #"{"result":"confirmed","day":"2026-09-01","note":"(2026)蒙0207民特12号"}"#, as: med)
            XCTAssertEqual(ruled.status, .ok, ruled.text)
            XCTAssertTrue(ruled.text.contains(#""confirmationName":"法院确认有效""#), ruled.text)
            let twice = try await post(base + "/confirmation/ruling", #"{"result":"confirmed","day":"2026-09-01"}"#, as: med)
            XCTAssertEqual(twice.status, .conflict)

            // After 国庆节: the window of the second agreement closed on 10-08, the hand-off is refused naming it.
            w.clock.advance(minutes: 38 * 1440)  // 2026-10-09
            keeper = try await signIn(client, username: "keeper")
            med = try await signIn(client, username: "med")
            boss = try await signIn(client, username: "boss")
            let late = try await post("/api/v1/mediation/cases/\(second)/confirmation", #"{"court":"九原区人民法院"}"#, as: med)
            XCTAssertEqual(late.status, .conflict, late.text)
            XCTAssertTrue(late.text.contains("confirmation_window_closed") && late.text.contains("2026-10-08"), late.text)
            let latePackage = try await get("/api/v1/mediation/cases/\(second)/confirmation/package.zip", as: boss)
            XCTAssertEqual(latePackage.status, .conflict)
            let stillThere = try await get(base + "/confirmation/package.zip", as: boss)
            XCTAssertEqual(stillThere.status, .ok, "a package already handed off can be downloaded again")

            let actions = try await w.platform.database.read { sql in
                try await sql.select().column("action").from("audit_log").where("action", .like, "mediation_%").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            for action in ["mediation_case.conclude", "mediation_agreement.print", "mediation_agreement.sign",
                           "mediation_agreement.performance", "mediation_confirmation.package",
                           "mediation_confirmation.hand_off", "mediation_confirmation.ruling"] {
                XCTAssertTrue(actions.contains(action), "\(action) in \(actions)")
            }
            XCTAssertEqual(actions.filter { $0 == "mediation_confirmation.package" }.count, 2)
            _ = keeper
        }
    }

    func testThePageSection() async throws {
        try await withWorld { client, w in
            let keeper = try await signIn(client, username: "keeper")
            let med = try await signIn(client, username: "med")
            let boss = try await signIn(client, username: "boss")
            let away = try await signIn(client, username: "away")
            func form(_ uri: String, _ body: String, as browser: SignedInBrowser) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: browser.formHeaders(),
                                         body: ByteBuffer(string: "_csrf=\(browser.csrf)&" + body))
            }
            func enc(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            let opening = Self.opening.replacingOccurrences(of: "{org}", with: String(w.village.id))
                .replacingOccurrences(of: "{mediator}", with: String(w.bater.id))
            let created = try await client.execute(uri: "/api/v1/mediation/cases", method: .post,
                                                   headers: MediationCaseRoutesTests.json(keeper), body: ByteBuffer(string: opening))
            let number = try XCTUnwrap(try created.json()["number"] as? String)
            let path = "/mediation/cases/\(number)"

            let page = try await client.execute(uri: path, method: .get, headers: med.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(#"action="\#(path)/conclusion""#) && page.text.contains("name=\"term3Content\"")
                          && page.text.contains(#"name="_csrf" value="\#(med.csrf)""#) && page.text.contains("升级调处"), page.text)
            XCTAssertFalse(page.text.contains("<script") || page.text.contains("onclick=") || page.text.contains("style="))
            let readOnly = try await client.execute(uri: path, method: .get, headers: boss.headers)
            XCTAssertFalse(readOnly.text.contains("/conclusion\""), "a leader reads only")

            let before = try await Self.counts(w.platform)
            let invalid = try await form(path + "/conclusion", "outcome=succeeded&facts=&term0Obligor=respondent&term0Content=\(enc("赔偿维修费"))&term0Amount=abc&performanceMethod=byDeadline&performanceDeadline=2026-10-15&route=&note=", as: med)
            XCTAssertEqual(invalid.status, .unprocessableContent)
            XCTAssertTrue(invalid.text.contains("请填写纠纷事实及争议事项") && invalid.text.contains("第1项条款的金额"), invalid.text)
            XCTAssertTrue(invalid.text.contains(#"value="赔偿维修费""#) && invalid.text.contains(#"value="2026-10-15""#), "the form keeps what was typed")
            let forbidden = try await form(path + "/conclusion", "outcome=failed&route=litigation&note=x", as: boss)
            XCTAssertEqual(forbidden.status, .forbidden)
            let hidden = try await form(path + "/conclusion", "outcome=failed&route=litigation&note=x", as: away)
            XCTAssertEqual(hidden.status, .notFound)
            let noToken = try await client.execute(uri: path + "/conclusion", method: .post, headers: med.formHeaders(),
                                                   body: ByteBuffer(string: "outcome=failed"))
            XCTAssertEqual(noToken.status, .forbidden, "the CSRF token is required")
            let unchanged = try await Self.counts(w.platform)
            XCTAssertEqual(unchanged, before)

            let concluded = try await form(path + "/conclusion", "outcome=partial&facts=\(enc("楼上漏水导致楼下受损"))&term0Obligor=respondent&term0Content=\(enc("赔偿维修费"))&term0Amount=3000&term0DueOn=2026-09-20&term1Obligor=respondent&term1Content=&term1Amount=&term1DueOn=&performanceMethod=byDeadline&performanceDeadline=2026-09-30&route=arbitration&note=\(enc("精神损失部分未达成"))", as: med)
            XCTAssertEqual(concluded.status, .seeOther, concluded.text)
            XCTAssertEqual(concluded.headers[.location], path + "?saved=1#outcome")
            let shown = try await client.execute(uri: path, method: .get, headers: med.headers)
            XCTAssertTrue(shown.text.contains("部分达成") && shown.text.contains("引导仲裁") && shown.text.contains("精神损失部分未达成")
                          && shown.text.contains("3,000.00") && shown.text.contains(path + "/agreement.pdf"), shown.text)
            XCTAssertTrue(shown.text.contains(#"enctype="multipart/form-data""#) && shown.text.contains(path + "/agreement/signed-copy"))
            XCTAssertFalse(shown.text.contains(#"action="\#(path)/conclusion""#), "no conclusion form once concluded")
            XCTAssertFalse(shown.text.contains(path + "/confirmation/package.zip"), "no package before signing")

            // The signed copy through the page's multipart form, with the CSRF token in the form.
            let (type, body) = Self.multipart([("_csrf", med.csrf), ("signedOn", "2026-09-01")], file: ("scan.png", Self.png))
            let signed = try await client.execute(uri: path + "/agreement/signed-copy", method: .post,
                                                  headers: [.cookie: med.cookie, .contentType: type, .accept: "text/html"], body: body)
            XCTAssertEqual(signed.status, .seeOther, signed.text)
            let (badType, badBody) = Self.multipart([("_csrf", med.csrf), ("signedOn", "2026-09-01")], file: ("x.png", Self.png))
            let twice = try await client.execute(uri: path + "/agreement/signed-copy", method: .post,
                                                 headers: [.cookie: med.cookie, .contentType: badType, .accept: "text/html"], body: badBody)
            XCTAssertEqual(twice.status, .conflict)
            let performance = try await form(path + "/agreement/performance", "state=defaulted&note=&day=", as: med)
            XCTAssertEqual(performance.status, .unprocessableContent)
            XCTAssertTrue(performance.text.contains("请填写履行情况说明"), performance.text)
            let performed = try await form(path + "/agreement/performance", "state=performed&note=&day=", as: med)
            XCTAssertEqual(performed.status, .seeOther)
            let windowPage = try await client.execute(uri: path, method: .get, headers: boss.headers)
            XCTAssertTrue(windowPage.text.contains("2026-10-08") && windowPage.text.contains("尚余 37 天") && windowPage.text.contains("已履行")
                          && windowPage.text.contains(path + "/confirmation/package.zip"), windowPage.text)
            XCTAssertFalse(windowPage.text.contains(#"action="\#(path)/confirmation""#), "a leader gets no hand-off form")
            let handOffForm = try await client.execute(uri: path, method: .get, headers: med.headers)
            XCTAssertTrue(handOffForm.text.contains(#"action="\#(path)/confirmation""#))
            let handed = try await form(path + "/confirmation", "court=\(enc("九原区人民法院"))&day=", as: med)
            XCTAssertEqual(handed.status, .seeOther, handed.text)
            let badRuling = try await form(path + "/confirmation/ruling", "result=refused&day=&note=", as: med)
            XCTAssertEqual(badRuling.status, .unprocessableContent)
            XCTAssertTrue(badRuling.text.contains("请填写驳回理由") && badRuling.text.contains("请填写裁定日期"), badRuling.text)
            let ruled = try await form(path + "/confirmation/ruling", "result=refused&day=2026-09-01&note=\(enc("协议内容不明确"))", as: med)
            XCTAssertEqual(ruled.status, .seeOther)
            let final = try await client.execute(uri: path, method: .get, headers: boss.headers)
            XCTAssertTrue(final.text.contains("法院驳回申请") && final.text.contains("九原区人民法院") && final.text.contains("协议内容不明确"), final.text)
        }
    }
}
