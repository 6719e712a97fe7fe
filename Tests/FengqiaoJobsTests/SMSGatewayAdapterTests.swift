import FengqiaoDomain
@testable import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

final class SMSGatewayAdapterTests: XCTestCase {
    func testAGatewayErrorIsRetriedAndTheTemplateCarriesPhoneAndText() async throws {
        try await TestDatabases.each { db in
            let gateway = FakeSMSGateway(statuses: [500])
            try await gateway.start()
            do {
                let f = try await NotificationFixture.make(db)
                try await f.setPhone(f.worker, "13800138000")
                let settings = try SMSGatewaySettings(
                    url: "http://127.0.0.1:\(gateway.port)/send?to={{phone}}", headers: [("X-Api-Key", "sk-secret-123")],
                    body: #"{"mobile":"{{phone}}","content":"{{text}}","ref":"{{key}}"}"#, successMarker: #""code":"0""#)
                let dispatcher = f.dispatcher([.sms: SMSGatewayAdapter(settings: settings)])
                let id = try await f.enqueue("alert", channel: "sms", recipient: "account:\(f.worker)",
                                             payload: #"{"title":"浓烟火情","body":"康乐小区\"3号楼\"冒烟"}"#)
                _ = try await dispatcher.drain()
                var row = try await f.row(id)
                XCTAssertEqual(row.state, "pending", "\(db.kind)")
                XCTAssertEqual(row.lastError, "短信网关:短信网关返回 HTTP 500")
                XCTAssertFalse(row.lastError?.contains("sk-secret") ?? true, "no secret in the error")

                f.clock.advance(minutes: 1)
                _ = try await dispatcher.drain()
                row = try await f.row(id)
                XCTAssertEqual(row.state, "sent")
                XCTAssertEqual(row.attempts, 2)

                let received = gateway.received
                XCTAssertEqual(received.count, 2, "one failed request and one that went through")
                let last = try XCTUnwrap(received.last)
                XCTAssertEqual(last.method, "POST")
                XCTAssertEqual(last.uri, "/send?to=13800138000")
                XCTAssertEqual(last.headers["x-api-key"], "sk-secret-123")
                XCTAssertEqual(last.headers["content-type"], "application/json; charset=utf-8")
                let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(last.body.utf8)) as? [String: String])
                XCTAssertEqual(json["mobile"], "13800138000")
                XCTAssertEqual(json["content"], "浓烟火情:康乐小区\"3号楼\"冒烟", "quotes escaped inside the JSON string")
                XCTAssertEqual(json["ref"], "alert#\(f.worker)")
            } catch {
                await gateway.stop()
                throw error
            }
            await gateway.stop()
        }
    }

    func testAnAnswerWithoutTheSuccessMarkerIsNotSentAndAClosedPortIsAConnectionError() async throws {
        let gateway = FakeSMSGateway(statuses: [])
        try await gateway.start()
        let message = OutboxMessage(id: 1, channel: .sms, kind: .notice, caseId: nil, title: "标题", body: "正文", dedupeKey: "k")
        let person = NotificationRecipient(accountID: 1, username: "u", displayName: "张三", phone: "13800138000")
        let strict = SMSGatewayAdapter(settings: try SMSGatewaySettings(
            url: "http://127.0.0.1:\(gateway.port)/send", successMarker: #""code":"OK""#))
        do {
            _ = try await strict.deliver(message, to: person)
            XCTFail("a 200 without the marker is not a message sent")
        } catch let error as NotificationDeliveryError {
            XCTAssertEqual(error.message, "短信网关返回 HTTP 200,但应答中没有成功标志")
        }
        let nowhere = SMSGatewayAdapter(settings: try SMSGatewaySettings(url: "http://127.0.0.1:1/send?key=sk-secret"))
        do {
            _ = try await nowhere.deliver(message, to: person)
            XCTFail("nothing listens on port 1")
        } catch let error as NotificationDeliveryError {
            XCTAssertTrue(error.message.hasPrefix("无法连接短信网关"), error.message)
            XCTAssertFalse(error.message.contains("sk-secret"))
        }
        let noPhone = NotificationRecipient(accountID: 2, username: "v", displayName: "李四")
        let outcome = try await strict.deliver(message, to: noPhone)
        XCTAssertEqual(outcome, .noAddress)
        await gateway.stop()
    }

    func testSettingsAreCheckedAndValuesEscapedForWhereTheyGo() throws {
        XCTAssertThrowsError(try SMSGatewaySettings(url: "ftp://gateway/send")) { error in
            XCTAssertEqual((error as? SettingProblem)?.setting, "FENGQIAO_SMS_URL")
        }
        XCTAssertThrowsError(try SMSGatewaySettings(url: "http://gateway/send", body: #"{"to":"{{mobile}}"}"#)) { error in
            XCTAssertEqual((error as? SettingProblem)?.setting, "FENGQIAO_SMS_BODY")
            XCTAssertTrue((error as? SettingProblem)?.reason.contains("{{mobile}}") ?? false)
        }
        XCTAssertThrowsError(try SMSGatewaySettings(url: "http://gateway/send", body: "{{text"))
        XCTAssertThrowsError(try SMSGatewaySettings(url: "http://gateway/send", method: "DELETE"))
        XCTAssertThrowsError(try SMSGatewaySettings(url: "http://gateway/send", headers: [("X-Key", "a\r\nX-Evil: 1")]))
        let template = try PlaceholderTemplate("to={{phone}}&text={{ text }}", allowed: ["phone", "text"])
        XCTAssertEqual(template.render(["phone": "138", "text": "你好 & 再见"], escaping: .percent),
                       "to=138&text=%E4%BD%A0%E5%A5%BD%20%26%20%E5%86%8D%E8%A7%81")
        XCTAssertEqual(PlaceholderTemplate.escape("a\"b\\c\nd\u{1}", .json), #"a\"b\\c\nd\u0001"#)
        // Whatever describes the settings (a service group at debug level) leaves the secrets out.
        let secret = try SMSGatewaySettings(url: "https://gw.example.cn/send?key=sk-url-secret",
                                            headers: [("Authorization", "Bearer sk-header-secret")])
        for text in [String(describing: secret), String(reflecting: secret), String(describing: DeliveryChannels(sms: secret))] {
            XCTAssertFalse(text.contains("sk-url-secret") || text.contains("sk-header-secret"), text)
        }
    }
}
