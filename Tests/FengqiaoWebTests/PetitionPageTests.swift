import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The petition pages through the router and the real database: forms with the CSRF token and no script,
/// field errors in Chinese beside the fields with nothing written, the list's figures and filters, the
/// petition's clocks and forms, the audited reveal, and the navigation link.
final class PetitionPageTests: XCTestCase {
    typealias D = PetitionDesk

    static func noScript(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(html.contains("<script"), "no inline script", file: file, line: line)
        XCTAssertNil(html.range(of: #" on[a-z]+=""#, options: .regularExpression), "no event handlers", file: file, line: line)
    }

    static let goodForm: [(String, String)] = [
        ("form", "visit"), ("persons", "7"), ("petitioners[0].name", "张伟"), ("petitioners[0].idNumber", D.idNumber),
        ("petitioners[0].phone", "13800001111"), ("petitioners[1].name", "李娜"), ("petitioners[1].idNumber", ""),
        ("petitioners[1].phone", ""), ("petitioners[2].name", ""), ("description", "村集体土地补偿款分配不公,要求公开账目"),
        ("category", "dispute.landAcquisition"), ("gridCode", SampleAreas.grid), ("respondentOrgan", "康乐社区居委会"),
        ("address", ""), ("firstResponder", ""), ("receivedAt", ""),
    ]

    func testRegistrationFormErrorsAndThePetitionPage() async throws {
        try await D.each { d in
            let form = try await d.get("/petitions/new", by: "officer", html: true)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains(#"name="_csrf""#) && form.text.contains(#"name="idempotencyKey""#), form.text)
            XCTAssertTrue(form.text.contains("登记信访") && form.text.contains("拖欠农民工工资"))
            Self.noScript(form.text)
            let gridForm = try await d.get("/petitions/new", by: "grid", html: true)
            XCTAssertEqual(gridForm.status, .forbidden)

            var bad = Self.goodForm.filter { $0.0 != "description" && $0.0 != "persons" }
            bad = bad.map { $0.0 == "petitioners[0].idNumber" ? ($0.0, "123") : $0 } + [("persons", "0")]
            let refused = try await d.postForm("/petitions", by: "officer", bad)
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertTrue(refused.text.contains("请填写信访事项"), refused.text)
            XCTAssertTrue(refused.text.contains("公民身份号码格式不正确"))
            XCTAssertTrue(refused.text.contains("人数应为1至9999之间的整数"))
            XCTAssertTrue(refused.text.contains(#"value="康乐社区居委会""#), "values are kept")
            XCTAssertTrue(refused.text.contains(#"aria-describedby="description-error""#))
            Self.noScript(refused.text)
            let withoutToken = try await d.postForm("/petitions", by: "officer", Self.goodForm, csrf: false)
            XCTAssertEqual(withoutToken.status, .forbidden)
            let petitions = try await d.count("petitions")
            XCTAssertEqual(petitions, 0, "nothing half-written")
            let cases = try await d.count("cases")
            XCTAssertEqual(cases, 0)

            let saved = try await d.postForm("/petitions", by: "officer", Self.goodForm + [("idempotencyKey", "page-key-1")])
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let location = try XCTUnwrap(saved.headers[.location])
            XCTAssertTrue(location.hasPrefix("/petitions/"), location)
            let again = try await d.postForm("/petitions", by: "officer", Self.goodForm + [("idempotencyKey", "page-key-1")])
            XCTAssertEqual(again.headers[.location], location, "a double submit makes one petition")
            let page = try await d.get(location, by: "officer", html: true)
            XCTAssertEqual(page.status, .ok)
            for text in ["集体访", "赵信访", "150207********" + String(D.idNumber.suffix(4)), "138****1111", "受理告知",
                         "15个工作日", "作出受理决定", "康乐社区居委会", "已登记"]
            {
                XCTAssertTrue(page.text.contains(text), text)
            }
            XCTAssertFalse(page.text.contains(D.idNumber), "masked until revealed")
            Self.noScript(page.text)
            let id = String(location.dropFirst("/petitions/".count))
            let gridPage = try await d.get(location, by: "grid", html: true)
            XCTAssertEqual(gridPage.status, .ok, "whoever sees cases reads it")
            XCTAssertFalse(gridPage.text.contains(#"action="/petitions/\#(id)/decision""#), "but gets no forms")
            XCTAssertFalse(gridPage.text.contains("/reveal"))
            let outside = try await d.get(location, by: "outsider", html: true)
            XCTAssertEqual(outside.status, .notFound)

            // The reveal: unmasked, not cached, audited.
            let revealed = try await d.postForm("/petitions/\(id)/reveal", by: "officer", [])
            XCTAssertEqual(revealed.status, .ok)
            XCTAssertTrue(revealed.text.contains(D.idNumber) && revealed.text.contains("13800001111"))
            XCTAssertEqual(revealed.headers[.cacheControl], "no-store")
            let reveals = try await d.count("audit_log", where: ("action", "petition.reveal"))
            XCTAssertEqual(reveals, 1)

            // The decision form: an error is shown on the page, a decision redirects.
            let missing = try await d.postForm("/petitions/\(id)/decision", by: "officer", [("decision", "decline")])
            XCTAssertEqual(missing.status, .unprocessableContent)
            XCTAssertTrue(missing.text.contains("请填写决定理由"), missing.text)
            let decided = try await d.postForm("/petitions/\(id)/decision", by: "officer", [
                ("decision", "decline"), ("reason", "属于行政复议范围,请依法申请行政复议"), ("noticeChannel", "letter"),
            ])
            XCTAssertEqual(decided.status, .seeOther, decided.text)
            XCTAssertEqual(decided.headers[.location], "/petitions/\(id)?saved=1")
            let after = try await d.get("/petitions/\(id)?saved=1", by: "officer", html: true)
            XCTAssertTrue(after.text.contains("受理决定:不予受理") && after.text.contains("不予受理告知书(PDF)"), after.text)
            XCTAssertTrue(after.text.contains(#"href="/petitions/\#(id)/documents/notice""#))
            XCTAssertFalse(after.text.contains(#"action="/petitions/\#(id)/decision""#), "decided once")
            let conflict = try await d.postForm("/petitions/\(id)/decision", by: "officer", [("decision", "accept"), ("reason", "x")])
            XCTAssertEqual(conflict.status, .conflict)
            XCTAssertTrue(conflict.text.contains("不能作出受理决定"), conflict.text)
        }
    }

    func testTheListFiguresFiltersAndNavigation() async throws {
        try await D.each { d in
            try await d.register(D.body(persons: 6))
            try await d.register(D.body(persons: 2, petitioners: [("李娜", D.otherIdNumber, nil)]))
            try await d.register(D.body(form: "letter", persons: nil, petitioners: [("张伟", D.idNumber, nil)]))
            let list = try await d.get("/petitions", by: "officer", html: true)
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("<strong>3</strong> 件信访"), list.text)
            XCTAssertTrue(list.text.contains("来访 <strong>2</strong> 批次 · <strong>8</strong> 人次"), list.text)
            XCTAssertTrue(list.text.contains("集体访 <strong>1</strong> 批次"))
            XCTAssertTrue(list.text.contains(#"<a href="/petitions" aria-current="page">信访接待</a>"#), "the officer's navigation")
            XCTAssertTrue(list.text.contains(#"href="/petitions/new""#))
            Self.noScript(list.text)
            let letters = try await d.get("/petitions?form=letter&repeat=1", by: "officer", html: true)
            XCTAssertTrue(letters.text.contains("重复信访") && letters.text.contains("<strong>1</strong> 件信访"), letters.text)
            let gridList = try await d.get("/petitions", by: "grid", html: true)
            XCTAssertEqual(gridList.status, .ok)
            XCTAssertFalse(gridList.text.contains(#"href="/petitions""#), "the link is for petition officers")
            XCTAssertFalse(gridList.text.contains(#"href="/petitions/new""#))
            let auditor = try await d.get("/petitions", by: "auditor", html: true)
            XCTAssertEqual(auditor.status, .forbidden)
            let badFilter = try await d.get("/petitions?state=nonsense", by: "officer", html: true)
            XCTAssertEqual(badFilter.status, .unprocessableContent)
            XCTAssertTrue(badFilter.text.contains("办理状态不在可选范围内"))
        }
    }
}
