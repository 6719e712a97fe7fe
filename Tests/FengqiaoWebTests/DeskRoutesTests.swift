import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import XCTest

/// The reception desk through the router, on SQLite and PostgreSQL: the form of each channel, every
/// rejection with its field kept, the duplicate preview, the idempotent confirmation, attaching a visit
/// to an existing case, and the receipt.
final class DeskRoutesTests: XCTestCase {
    typealias F = IntakeFixture

    /// A complete walk-in on the sample grid.
    static func walkIn(_ description: String = "邻居家装修噪音扰民,多次协商未果", extra: [(String, String)] = [])
        -> [(String, String)]
    {
        [("channel", "walkIn"), ("visitors", "2"), ("category", "dispute.neighbour"), ("urgency", "urgent"),
         ("gridCode", SampleAreas.grid), ("address", "康乐小区3号楼"), ("description", description),
         ("peopleInvolved", "2"), ("amountInvolved", "12,000"),
         ("parties[0].side", "applicant"), ("parties[0].kind", "person"), ("parties[0].name", "王芳"),
         ("parties[0].phone", "13800138000"),
         ("parties[2].side", "respondent"), ("parties[2].kind", "organization"), ("parties[2].name", "康乐物业公司"),
         ("parties[2].phone", "")] + extra
    }

    func testTheFormOffersOneFormPerChannelToOperatorsOnly() async throws {
        try await F.each { f in
            let walkIn = try await f.get("/desk", as: "desk")
            XCTAssertEqual(walkIn.status, .ok, walkIn.text)
            for text in ["来访人数", "邻里纠纷", #"value="dispute.neighbour""#, SampleAreas.grid, "康乐社区第2网格", "被申请人",
                         "单位", #"name="_csrf""#, #"href="/desk""#] {
                XCTAssertTrue(walkIn.text.contains(text), text)
            }
            let phone = try await f.get("/desk?channel=phone", as: "desk")
            XCTAssertTrue(phone.text.contains("来电号码") && phone.text.contains(#"type="datetime-local""#))
            XCTAssertTrue(phone.text.contains(#"value="2026-11-23T10:00""#), "the call time starts at now")
            let letter = try await f.get("/desk?channel=letter", as: "desk")
            XCTAssertTrue(letter.text.contains("来信扫描件") && letter.text.contains(#"enctype="multipart/form-data""#))
            for role in ["grid", "handler"] {
                let refused = try await f.get("/desk", as: role)
                XCTAssertEqual(refused.status, .forbidden, role)
            }
            let anonymous = try await f.client.execute(uri: "/desk", method: .get, headers: [.accept: "text/html"])
            XCTAssertEqual(anonymous.status.code, 303)
        }
    }

    func testEveryChannelsMissingAndBadFieldsComeBackBesideTheirValues() async throws {
        try await F.each { f in
            // A walk-in without visitors, category or description: each field says so, the rest is kept.
            let walkIn = try await f.postMultipart("/desk/preview", as: "desk", fields: [
                ("channel", "walkIn"), ("visitors", ""), ("address", "康乐小区<3号楼>"), ("parties[0].name", "王芳"),
                ("parties[0].phone", "12345"), ("amountInvolved", "一万"), ("peopleInvolved", "0")])
            XCTAssertEqual(walkIn.status, .unprocessableContent)
            for text in ["请填写来访人数", "请选择事件分类", "请填写问题描述", "当事人电话格式不正确", "涉及金额(元)应为",
                         "涉及人数应为", #"value="康乐小区&lt;3号楼&gt;""#, #"value="王芳""#, #"value="12345""#,
                         #"id="visitors" name="visitors" type="number" min="1" max="9999" value="" required aria-invalid="true""#] {
                XCTAssertTrue(walkIn.text.contains(text), text)
            }
            // A call: the number and the time are required, checked, and the time may not lie ahead.
            let call = try await f.postMultipart("/desk/preview", as: "desk", fields: [
                ("channel", "phone"), ("category", "dispute.neighbour"), ("description", "来电反映楼上漏水")])
            XCTAssertTrue(call.text.contains("请填写来电号码") && call.text.contains("请填写来电时间"), call.text)
            let badCall = try await f.postMultipart("/desk/preview", as: "desk", fields: [
                ("channel", "phone"), ("callerPhone", "1381234"), ("calledAt", "2026-11-23T10:05"),
                ("category", "dispute.neighbour"), ("description", "来电反映楼上漏水"), ("gridCode", SampleAreas.grid)])
            XCTAssertEqual(badCall.status, .unprocessableContent)
            XCTAssertTrue(badCall.text.contains("来电号码格式不正确"), badCall.text)
            XCTAssertTrue(badCall.text.contains("来电时间不能晚于当前时间"))
            XCTAssertTrue(badCall.text.contains(#"value="1381234""#))
            // A letter: its date must be a real past date, and its scan must be there and be a PDF, JPEG or PNG.
            let letter = try await f.postMultipart("/desk/preview", as: "desk", fields: [
                ("channel", "letter"), ("letterDate", "2026-02-30"), ("category", "livelihood.heating"),
                ("description", "来信反映小区供暖不热"), ("gridCode", SampleAreas.grid)])
            XCTAssertTrue(letter.text.contains("来信日期格式不正确"), letter.text)
            XCTAssertTrue(letter.text.contains("请上传来信扫描件"))
            let future = try await f.postMultipart("/desk/preview", as: "desk", fields: [
                ("channel", "letter"), ("letterDate", "2026-11-24"), ("category", "livelihood.heating"),
                ("description", "来信反映小区供暖不热"), ("gridCode", SampleAreas.grid)],
                files: [("pageFiles", "信.exe", F.exe), ("pageFiles", "照片.webp", F.webp)])
            XCTAssertEqual(future.status, .unprocessableContent)
            XCTAssertTrue(future.text.contains("来信日期不能晚于今天"), future.text)
            XCTAssertTrue(future.text.contains("“信.exe”:文件内容不是允许的类型"))
            XCTAssertTrue(future.text.contains("“照片.webp”:文件内容不是允许的类型"))
            // A grid outside the operator's jurisdiction is refused like one that does not exist.
            let outside = try await f.postMultipart("/desk/preview", as: "outsider", fields: Self.walkIn())
            XCTAssertEqual(outside.status, .unprocessableContent)
            XCTAssertTrue(outside.text.contains("辖区内没有该网格"), outside.text)
            // Nothing was saved, and the refused files were not kept.
            let cases = try await f.count("cases")
            XCTAssertEqual(cases, 0)
            XCTAssertEqual(f.storedFiles(), 0)
        }
    }

    func testFormsWithoutTheCSRFTokenAndOtherRolesAreRefused() async throws {
        try await F.each { f in
            let forged = try await f.postMultipart("/desk/preview", as: "desk", fields: Self.walkIn(), csrf: false)
            XCTAssertEqual(forged.status, .forbidden)
            for role in ["grid", "handler"] {
                let preview = try await f.postMultipart("/desk/preview", as: role, fields: Self.walkIn())
                XCTAssertEqual(preview.status, .forbidden, role)
                let confirm = try await f.postForm("/desk/confirm", as: role,
                                                   fields: Self.walkIn() + [("idempotencyKey", "k-\(role)")])
                XCTAssertEqual(confirm.status, .forbidden, role)
            }
            let cases = try await f.count("cases")
            XCTAssertEqual(cases, 0)
        }
    }

    func testThePreviewListsLikelyDuplicatesAndTheConfirmationSavesOnce() async throws {
        try await F.each { f in
            let earlier = try await f.postJSON("/api/v1/cases", as: "disp", #"""
                {"channel":"phone","kind":"dispute","category":"邻里纠纷","description":"邻居家装修噪音扰民,晚上也在施工",
                 "gridCode":"\#(SampleAreas.grid)","address":"康乐小区3号楼"}
                """#)
            XCTAssertEqual(earlier.status, .created, earlier.text)
            let existing = try XCTUnwrap(try earlier.json()["number"] as? String)

            let preview = try await f.postMultipart("/desk/preview", as: "desk", fields: Self.walkIn())
            XCTAssertEqual(preview.status, .ok, preview.text)
            for text in ["发现可能重复的案件", existing, #"href="/desk/cases/\#(existing)/receipt""#,
                         #"name="attachTo" value="\#(existing)""#, "仍然登记", "返回修改", "来访人数", "康乐物业公司"] {
                XCTAssertTrue(preview.text.contains(text), text)
            }
            var cases = try await f.count("cases")
            XCTAssertEqual(cases, 1, "the preview saves nothing")
            let hidden = F.hiddenFields(in: preview.text)
            let key = try XCTUnwrap(hidden.first { $0.0 == "idempotencyKey" }?.1)
            XCTAssertEqual(key.count, SessionToken.random().count)
            XCTAssertEqual(hidden.first { $0.0 == "parties[1].name" }?.1, "康乐物业公司")

            // Going back keeps every value.
            let back = try await f.postForm("/desk/preview", as: "desk", fields: hidden + [("edit", "1")])
            XCTAssertEqual(back.status, .ok)
            XCTAssertTrue(back.text.contains(#"value="康乐物业公司""#) && back.text.contains("邻居家装修噪音扰民,多次协商未果"))

            // "仍然登记", twice (a double submit): one case, one receipt.
            let first = try await f.postForm("/desk/confirm", as: "desk", fields: hidden + [("attachTo", "")])
            XCTAssertEqual(first.status.code, 303, first.text)
            let location = try XCTUnwrap(first.headers[.location])
            let second = try await f.postForm("/desk/confirm", as: "desk", fields: hidden + [("attachTo", "")])
            XCTAssertEqual(second.status.code, 303)
            XCTAssertEqual(second.headers[.location], location)
            cases = try await f.count("cases")
            XCTAssertEqual(cases, 2)
            let intakes = try await f.count("case_intake")
            XCTAssertEqual(intakes, 1)
            // The same key with other content is refused rather than taken for the first.
            let changed = try await f.postForm("/desk/confirm", as: "desk", fields: hidden + [("attachTo", existing)])
            XCTAssertEqual(changed.status, .unprocessableContent)
            XCTAssertTrue(changed.text.contains("该幂等键已用于另一项操作"))

            let number = try XCTUnwrap(location.split(separator: "/").dropLast().last.map(String.init))
            let view = try await f.client.execute(uri: "/api/v1/cases/\(number)", method: .get,
                                                  headers: [.cookie: try await f.session("desk").cookie, .accept: "application/json"])
            let json = try view.json()
            XCTAssertEqual(json["category"] as? String, "邻里纠纷")
            XCTAssertEqual(json["urgency"] as? String, "urgent")
            XCTAssertEqual(json["amountInvolved"] as? Int, 12000)
            let intake = try XCTUnwrap(json["intake"] as? [String: Any])
            XCTAssertEqual(intake["visitors"] as? Int, 2)
            XCTAssertEqual(intake["firstResponder"] as? String, "李受理")
            let parties = try XCTUnwrap(json["parties"] as? [[String: Any]])
            XCTAssertEqual(parties.map { $0["kind"] as? String }, ["person", "organization"])
            XCTAssertEqual(parties.map { $0["side"] as? String }, ["applicant", "respondent"])
            XCTAssertEqual(json["contactPhone"] as? String, "138****8000")
        }
    }

    func testAVisitAttachedToAnExistingCaseIsMergedIntoIt() async throws {
        try await F.each { f in
            let earlier = try await f.postJSON("/api/v1/cases", as: "disp", #"""
                {"channel":"walkIn","kind":"dispute","category":"邻里纠纷","description":"邻居家装修噪音扰民,多次协商未果",
                 "gridCode":"\#(SampleAreas.grid)"}
                """#)
            let existing = try XCTUnwrap(try earlier.json()["number"] as? String)
            let preview = try await f.postMultipart("/desk/preview", as: "desk", fields: Self.walkIn())
            let hidden = F.hiddenFields(in: preview.text)
            // A case that is not in the list, or not in the jurisdiction, cannot be chosen; nothing is saved then.
            let unknown = try await f.postForm("/desk/confirm", as: "desk", fields: hidden + [("attachTo", "150207202699999")])
            XCTAssertEqual(unknown.status, .unprocessableContent)
            XCTAssertTrue(unknown.text.contains("辖区内没有可并入的该案件"), unknown.text)
            var cases = try await f.count("cases")
            XCTAssertEqual(cases, 1)

            let attached = try await f.postForm("/desk/confirm", as: "desk", fields: hidden + [("attachTo", existing)])
            XCTAssertEqual(attached.status.code, 303, attached.text)
            cases = try await f.count("cases")
            XCTAssertEqual(cases, 2)
            let receipt = try await f.get(try XCTUnwrap(attached.headers[.location]), as: "desk")
            XCTAssertTrue(receipt.text.contains("本次登记已并入案件 <strong>\(existing)</strong>"), receipt.text)
            XCTAssertTrue(receipt.text.contains("已合并"))
            let merges = try await f.platform.database.read { db in
                try await db.select().column("action").from("audit_log").where("action", .equal, "case.merge").all().count
            }
            XCTAssertEqual(merges, 1)
        }
    }

    func testALetterKeepsItsScannedPagesAndItsReceiptIsPrintable() async throws {
        try await F.each { f in
            let letter: [(String, String)] = [
                ("channel", "letter"), ("letterDate", "2026-11-20"), ("category", "livelihood.heating"),
                ("description", "来信反映小区供暖温度不达标"), ("gridCode", SampleAreas.grid),
                ("parties[0].name", "赵敏"), ("parties[0].phone", "13912345678"),
            ]
            // The first try has an error but keeps the good page, which the next try carries by its token.
            let first = try await f.postMultipart("/desk/preview", as: "desk",
                                                  fields: letter.filter { $0.0 != "description" },
                                                  files: [("pageFiles", "第1页.pdf", F.pdf)])
            XCTAssertEqual(first.status, .unprocessableContent)
            XCTAssertTrue(first.text.contains("第1页.pdf"), first.text)
            let token = try XCTUnwrap(firstMatch(#"name="pages" value="([0-9a-f]+)""#, in: first.text))
            XCTAssertEqual(f.storedFiles(), 1)
            // Another operator cannot use that token.
            let stolen = try await f.postMultipart("/desk/preview", as: "desk2", fields: letter + [("pages", token)])
            XCTAssertTrue(stolen.text.contains("部分扫描件已过期"), stolen.text)

            let preview = try await f.postMultipart("/desk/preview", as: "desk", fields: letter + [("pages", token)],
                                                    files: [("pageFiles", "第2页.png", F.png)])
            XCTAssertEqual(preview.status, .ok, preview.text)
            XCTAssertTrue(preview.text.contains("第1页.pdf") && preview.text.contains("第2页.png"))
            XCTAssertTrue(preview.text.contains("未发现可能重复的案件"))
            let hidden = F.hiddenFields(in: preview.text)
            let confirmed = try await f.postForm("/desk/confirm", as: "desk", fields: hidden + [("attachTo", "")])
            XCTAssertEqual(confirmed.status.code, 303, confirmed.text)
            let attachments = try await f.count("case_attachments")
            XCTAssertEqual(attachments, 2)
            let waiting = try await f.count("intake_uploads")
            XCTAssertEqual(waiting, 0)
            XCTAssertEqual(f.storedFiles(), 2)

            let location = try XCTUnwrap(confirmed.headers[.location])
            let receipt = try await f.get(location, as: "desk")
            XCTAssertEqual(receipt.status, .ok)
            let record = try await f.platform.database.read { try await CaseRepository($0).find(number: String(location.split(separator: "/")[2])) }
            let number = try XCTUnwrap(record?.number)
            let tracking = try XCTUnwrap(record.flatMap { TrackingCode($0.trackingCode) }?.description)
            for text in ["受理回执", number, tracking, "来信", "来信日期", "2026-11-20", "首问负责人", "李受理",
                         "2026-11-23 10:00", "民生服务 › 供暖问题", "康乐社区 · 康乐社区第1网格", "申请人(个人):赵敏",
                         "2 个文件", "来信反映小区供暖温度不达标", "<svg", "/track?code=\(tracking)", "no-print"] {
                XCTAssertTrue(receipt.text.contains(text), text)
            }
            XCTAssertFalse(receipt.text.contains("13912345678"))
            // Outside the jurisdiction the receipt does not exist; other roles may not print it.
            let outside = try await f.get(location, as: "outsider")
            XCTAssertEqual(outside.status, .notFound)
            let gridWorker = try await f.get(location, as: "grid")
            XCTAssertEqual(gridWorker.status, .forbidden)
            let css = try await f.client.execute(uri: "/static/app.css", method: .get)
            XCTAssertTrue(css.text.contains("@media print") && css.text.contains(".no-print { display: none; }"))
        }
    }

    func testACallKeepsTheCallersNumberSealedAndItsTimeAsTheReportTime() async throws {
        try await F.each { f in
            let call: [(String, String)] = [
                ("channel", "phone"), ("callerPhone", "13812345678"), ("calledAt", "2026-11-23T09:15"),
                ("category", "urbanManagement.noise"), ("description", "来电反映夜间施工噪音扰民"), ("gridCode", SampleAreas.grid),
            ]
            let preview = try await f.postMultipart("/desk/preview", as: "desk", fields: call)
            XCTAssertEqual(preview.status, .ok, preview.text)
            XCTAssertTrue(preview.text.contains("138****5678"))
            let confirmed = try await f.postForm("/desk/confirm", as: "desk", fields: F.hiddenFields(in: preview.text))
            XCTAssertEqual(confirmed.status.code, 303, confirmed.text)
            let row = try await f.platform.database.read { db in
                try await db.select().column("caller_phone_cipher").column("caller_phone_masked").column("called_at")
                    .from("case_intake").first()
            }
            let cipher = try XCTUnwrap(row?.decode(column: "caller_phone_cipher", as: String.self))
            XCTAssertFalse(cipher.contains("13812345678"))
            XCTAssertEqual(try f.platform.cipher.open(cipher), "13812345678")
            XCTAssertEqual(try row?.decode(column: "caller_phone_masked", as: String.self), "138****5678")
            let record = try await f.platform.database.read { try await CaseRepository($0).find(number: String(
                (confirmed.headers[.location] ?? "").split(separator: "/")[2])) }
            XCTAssertEqual(record?.reportedAt, TestPlatform.referenceDate.addingTimeInterval(-45 * 60).millisecondsSince1970)
            XCTAssertEqual(record?.contactPhoneMasked, "138****5678", "the caller is the contact when no applicant gave a number")
            let receipt = try await f.get(confirmed.headers[.location] ?? "", as: "desk")
            XCTAssertTrue(receipt.text.contains("来电时间") && receipt.text.contains("2026-11-23 09:15"))
            XCTAssertTrue(receipt.text.contains("138****5678") && !receipt.text.contains("13812345678"))
        }
    }

    func testAConfirmationWithoutItsKeyOrWithExpiredPagesSavesNothing() async throws {
        try await F.each { f in
            let noKey = try await f.postForm("/desk/confirm", as: "desk", fields: Self.walkIn())
            XCTAssertEqual(noKey.status, .unprocessableContent)
            XCTAssertTrue(noKey.text.contains("页面已过期"))
            let expired = try await f.postForm("/desk/confirm", as: "desk", fields: [
                ("channel", "letter"), ("letterDate", "2026-11-20"), ("category", "livelihood.heating"),
                ("description", "来信反映小区供暖温度不达标"), ("gridCode", SampleAreas.grid),
                ("pages", "0123456789abcdef0123456789abcdef"), ("idempotencyKey", "k1"),
            ])
            XCTAssertEqual(expired.status, .unprocessableContent)
            XCTAssertTrue(expired.text.contains("扫描件已过期或无效,请重新上传"), expired.text)
            XCTAssertTrue(expired.text.contains(#"id="pageFiles-error""#))
            XCTAssertFalse(expired.text.contains(#"<p class="field-error"></p>"#))
            let cases = try await f.count("cases")
            XCTAssertEqual(cases, 0)
            let receipts = try await f.count("command_receipts")
            XCTAssertEqual(receipts, 0)
        }
    }
}
