import FengqiaoDomain
@testable import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

final class EmailAdapterTests: XCTestCase {
    static func settings(port: Int, username: String? = "relay", password: String? = "pa55-word") throws -> SMTPSettings {
        try SMTPSettings(host: "127.0.0.1", port: port, from: "noreply@zz.example.gov.cn", heloName: "fengqiao.test",
                         username: username, password: password, timeout: 10)
    }

    func testTheDispatcherMailsEachPersonWithAnAddressInChineseThroughTheSink() async throws {
        try await TestDatabases.each { db in
            let sink = FakeSMTPSink()
            try await sink.start()
            do {
                let f = try await NotificationFixture.make(db)
                try await f.setEmail(f.handlers[0], "handler1@court.example.cn")
                let adapter = EmailAdapter(settings: try Self.settings(port: sink.port))
                let id = try await f.enqueue("mail", channel: "email", recipient: "department:\(f.department)",
                                             payload: #"{"title":"案件JY001办理已超时,请立即办理","body":"第一行\n.以点开头的一行"}"#)
                let report = try await f.dispatcher([.email: adapter]).drain()
                XCTAssertEqual(report.sent, 1, "\(db.kind): one of the two has an address")
                let hoisted1 = try await f.row(id).state
                XCTAssertEqual(hoisted1, "sent")

                let mails = sink.mails
                XCTAssertEqual(mails.count, 1)
                let mail = try XCTUnwrap(mails.first)
                XCTAssertEqual(mail.helo, "fengqiao.test")
                XCTAssertEqual(mail.from, "<noreply@zz.example.gov.cn>")
                XCTAssertEqual(mail.to, ["<handler1@court.example.cn>"])
                let auth = try XCTUnwrap(mail.auth.flatMap { Data(base64Encoded: $0) })
                XCTAssertEqual(String(decoding: auth, as: UTF8.self), "\0relay\0pa55-word")
                let (headers, body) = Self.parse(mail.data)
                XCTAssertEqual(Self.decodeWords(try XCTUnwrap(headers["subject"])), "案件JY001办理已超时,请立即办理")
                XCTAssertEqual(headers["content-type"], "text/plain; charset=UTF-8")
                XCTAssertEqual(headers["message-id"], "<outbox-\(id)-\(f.handlers[0])@zz.example.gov.cn>")
                XCTAssertTrue(try XCTUnwrap(headers["from"]).hasSuffix("<noreply@zz.example.gov.cn>"))
                XCTAssertTrue(body.contains("办理人1:"), body)
                XCTAssertTrue(body.contains("第一行\n.以点开头的一行"), body)
            } catch {
                await sink.stop()
                throw error
            }
            await sink.stop()
        }
    }

    func testARefusedRecipientOrNoServerIsAnErrorToRetry() async throws {
        let sink = FakeSMTPSink()
        try await sink.start()
        let message = OutboxMessage(id: 9, channel: .email, kind: .notice, caseId: nil, title: "通知", body: "正文", dedupeKey: "k")
        let adapter = EmailAdapter(settings: try Self.settings(port: sink.port, username: nil, password: nil))
        do {
            _ = try await adapter.deliver(message, to: NotificationRecipient(
                accountID: 1, username: "u", displayName: "张三", email: "reject@example.cn"))
            XCTFail("the sink refuses this recipient")
        } catch let error as NotificationDeliveryError {
            XCTAssertEqual(error.message, "邮件服务器拒绝 RCPT TO:550 5.1.1 no such user")
        }
        let none = try await adapter.deliver(message, to: NotificationRecipient(accountID: 2, username: "v", displayName: "李四"))
        XCTAssertEqual(none, .noAddress)
        await sink.stop()
        let closed = EmailAdapter(settings: try Self.settings(port: sink.port))
        do {
            _ = try await closed.deliver(message, to: NotificationRecipient(
                accountID: 1, username: "u", displayName: "张三", email: "a@example.cn"))
            XCTFail("nothing listens any more")
        } catch let error as NotificationDeliveryError {
            XCTAssertTrue(error.message.hasPrefix("无法连接邮件服务器"), error.message)
            XCTAssertFalse(error.message.contains("pa55-word"))
        }
    }

    func testSubjectsAreEncodedWordsOfAtMost75CharactersAndSettingsAreChecked() throws {
        let subject = String(repeating: "枫桥经验小事不出村大事不出镇", count: 5) + " ok"
        let encoded = MailMessage.encodedWords(subject)
        for word in encoded.components(separatedBy: "\r\n ") {
            XCTAssertLessThanOrEqual(word.count, 75)
            XCTAssertTrue(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="), word)
        }
        XCTAssertEqual(Self.decodeWords(encoded), subject)
        XCTAssertEqual(MailMessage.encodedWords("Plain subject"), "Plain subject")
        XCTAssertEqual(MailMessage.dotStuffed("a\r\n.b\r\n..c"), "a\r\n..b\r\n...c")

        XCTAssertThrowsError(try SMTPSettings(host: "mail relay", from: "a@b.cn"))
        XCTAssertThrowsError(try SMTPSettings(host: "relay", from: "not-an-address")) { error in
            XCTAssertEqual((error as? SettingProblem)?.setting, "FENGQIAO_SMTP_FROM")
        }
        XCTAssertThrowsError(try SMTPSettings(host: "relay", from: "a@b.cn", username: "u"))
        XCTAssertThrowsError(try SMTPSettings(host: "relay", from: "a@b.cn", fromName: "x\r\nBcc: evil@x.cn"))
        XCTAssertNil(EmailAddress("a@b.cn\r\nRCPT TO:<x@y.cn>"))
        XCTAssertNil(EmailAddress("a@@b.cn"))
        XCTAssertEqual(EmailAddress("zhang.san@court.example.cn")?.masked, "z***@court.example.cn")
        let settings = try Self.settings(port: 25)
        for text in [String(describing: settings), String(reflecting: EmailAdapter(settings: settings))] {
            XCTAssertFalse(text.contains("pa55-word"), text)
        }
    }

    /// The headers (lower-cased names, folded lines joined) and the decoded body of a DATA text.
    static func parse(_ data: String) -> ([String: String], String) {
        let parts = data.components(separatedBy: "\r\n\r\n")
        var headers: [String: String] = [:]
        var last: String?
        for line in (parts.first ?? "").components(separatedBy: "\r\n") {
            if line.hasPrefix(" "), let last {
                headers[last, default: ""] += "\r\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            last = name
        }
        let base64 = parts.dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
        let body = Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (headers, body.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    /// Decodes `=?UTF-8?B?…?=` words separated by folding white space.
    static func decodeWords(_ text: String) -> String {
        let words = text.components(separatedBy: "\r\n ")
        guard words.allSatisfy({ $0.hasPrefix("=?UTF-8?B?") }) else { return text }
        let bytes = words.flatMap { word in
            Data(base64Encoded: String(word.dropFirst(10).dropLast(2))).map(Array.init) ?? []
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
