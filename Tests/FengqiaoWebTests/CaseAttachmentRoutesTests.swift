import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Case attachments over HTTP, on SQLite and PostgreSQL: multipart upload, the list and the case detail,
/// downloads with the stored type and an RFC 5987 name, and every refusal.
final class CaseAttachmentRoutesTests: XCTestCase {
    typealias D = CaseDesk

    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 3, count: 300)
    static let boundary = "FengqiaoAttachmentBoundary"

    static func multipart(_ data: Data, filename: String, field: String = "file") -> ByteBuffer {
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n".utf8)
        body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8) + data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    static func upload(_ d: D, _ number: String, by username: String, _ data: Data, filename: String, field: String = "file")
        async throws -> TestResponse
    {
        var headers = try await d.headers(username)
        headers[.contentType] = "multipart/form-data; boundary=\(Self.boundary)"
        return try await d.client.execute(uri: "/api/v1/cases/\(number)/attachments", method: .post, headers: headers,
                                          body: Self.multipart(data, filename: filename, field: field))
    }

    static func storedCount(_ d: D) -> Int {
        let enumerator = FileManager.default.enumerator(at: d.platform.uploads.directory, includingPropertiesForKeys: nil)
        var count = 0
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.count == 32 { count += 1 }
        }
        return count
    }

    func testUploadListDetailAndDownload() async throws {
        try await D.each { d in
            defer { try? FileManager.default.removeItem(at: d.platform.uploads.directory) }
            let n = try await d.open()
            let response = try await Self.upload(d, n, by: "grid", Self.png, filename: "现场 照片(1).png")
            XCTAssertEqual(response.status, .created, response.text)
            let created = try response.json()
            let id = try XCTUnwrap(created["id"] as? Int)
            XCTAssertEqual(created["name"] as? String, "现场 照片(1).png")
            XCTAssertEqual(created["type"] as? String, "png")
            XCTAssertEqual(created["typeName"] as? String, "PNG 图片")
            XCTAssertEqual(created["size"] as? Int, Self.png.count)
            XCTAssertNotNil(created["uploadedAt"] as? String)
            XCTAssertTrue((created["uploadedBy"] as? String ?? "").hasPrefix("account:"))

            let list = try await d.client.execute(uri: "/api/v1/cases/\(n)/attachments", method: .get,
                                                  headers: try await d.headers("desk"))
            XCTAssertEqual(list.status, .ok)
            let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.text.utf8)) as? [[String: Any]])
            XCTAssertEqual(items.compactMap { $0["id"] as? Int }, [id])
            let detail = try await d.get(n, by: "desk").json()
            let attached = try XCTUnwrap(detail["attachments"] as? [[String: Any]])
            XCTAssertEqual(attached.first?["name"] as? String, "现场 照片(1).png")

            // The workflow goes on, and the case still lists the file after a command.
            let accepted = try await d.run(n, "accept", by: "desk", expect: "accepted")
            XCTAssertEqual((accepted["attachments"] as? [[String: Any]])?.count, 1)

            let file = try await d.client.execute(uri: "/api/v1/cases/\(n)/attachments/\(id)", method: .get,
                                                  headers: try await d.headers("boss"))
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(Data(buffer: file.body), Self.png)
            XCTAssertEqual(file.headers[.contentType], "image/png")
            XCTAssertEqual(file.headers[.xContentTypeOptions], "nosniff")
            XCTAssertEqual(file.headers[.contentDisposition],
                           #"attachment; filename="__ __(1).png"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87%281%29.png"#)
            let audits = try await d.platform.database.read { db in
                try await db.countRows(in: "audit_log", where: ("action", "case_attachment.download"))
            }
            XCTAssertEqual(audits, 1)
        }
    }

    func testRefusals() async throws {
        try await D.each { d in
            defer { try? FileManager.default.removeItem(at: d.platform.uploads.directory) }
            let n = try await d.open()
            let other = try await d.open(description: "另一户楼道堆物")
            let first = try await Self.upload(d, other, by: "desk", Self.png, filename: "a.png")
            let otherID = try XCTUnwrap(try first.json()["id"] as? Int)

            // A script named .png, a renamed zip: a field error on `file`, nothing stored.
            for (data, name) in [(Data("<?php system($_GET['c']); ?>".utf8), "photo.png"),
                                 (Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), "scan.pdf"),
                                 (Data([0x4D, 0x5A, 0x90, 0x00]), "x.jpg")] {
                let refused = try await Self.upload(d, n, by: "desk", data, filename: name)
                XCTAssertEqual(refused.status, .unprocessableContent, refused.text)
                let errors = try XCTUnwrap(try refused.json()["errors"] as? [[String: Any]])
                XCTAssertEqual(errors.first?["field"] as? String, "file")
                XCTAssertEqual(errors.first?["code"] as? String, "unsupported_type")
            }
            let missing = try await Self.upload(d, n, by: "desk", Self.png, filename: "a.png", field: "photo")
            XCTAssertEqual(missing.status, .unprocessableContent)
            XCTAssertEqual((try missing.json()["errors"] as? [[String: Any]])?.first?["code"] as? String, "required")
            let tooBig = try await Self.upload(d, n, by: "desk", Self.png + Data(count: CaseAttachments.maximumBytes), filename: "big.png")
            XCTAssertEqual(tooBig.status, .unprocessableContent)
            XCTAssertEqual((try tooBig.json()["errors"] as? [[String: Any]])?.first?["code"] as? String, "too_large")
            var json = try await d.headers("desk")
            json[.contentType] = "application/json"
            let notMultipart = try await d.client.execute(uri: "/api/v1/cases/\(n)/attachments", method: .post, headers: json,
                                                          body: ByteBuffer(string: "{}"))
            XCTAssertEqual(notMultipart.status, .unsupportedMediaType)
            XCTAssertEqual(Self.storedCount(d), 1)

            // Who and where.
            let boss = try await Self.upload(d, n, by: "boss", Self.png, filename: "a.png")
            XCTAssertEqual(boss.status, .forbidden, "leaders read cases but do not add files")
            let outsider = try await Self.upload(d, n, by: "outsider", Self.png, filename: "a.png")
            XCTAssertEqual(outsider.status, .notFound)
            let notInvolved = try await Self.upload(d, n, by: "lead", Self.png, filename: "a.png")
            XCTAssertEqual(notInvolved.status, .notFound, "a department not on the case does not see it")
            for uri in ["/api/v1/cases/\(n)/attachments/\(otherID)", "/api/v1/cases/\(n)/attachments/999",
                        "/api/v1/cases/\(n)/attachments/abc"] {
                let response = try await d.client.execute(uri: uri, method: .get, headers: try await d.headers("desk"))
                XCTAssertEqual(response.status, .notFound, uri)
            }
            for uri in ["/api/v1/cases/\(other)/attachments/\(otherID)", "/api/v1/cases/\(other)/attachments"] {
                let response = try await d.client.execute(uri: uri, method: .get, headers: try await d.headers("outsider"))
                XCTAssertEqual(response.status, .notFound, uri)
            }

            // Finished cases: withdrawn, and archived after the revisit.
            try await d.run(n, "withdraw", by: "desk", #"{"reason":"当事人已自行解决"}"#, expect: "withdrawn")
            let late = try await Self.upload(d, n, by: "desk", Self.png, filename: "a.png")
            XCTAssertEqual(late.status, .conflict)
            XCTAssertEqual(try late.json()["code"] as? String, "case_finished")
            try await d.run(other, "accept", by: "desk", expect: "accepted")
            let during = try await Self.upload(d, other, by: "grid", Self.png, filename: "清理后.png")
            XCTAssertEqual(during.status, .created, "files may be added while the case is worked on")
            let photo = try XCTUnwrap(try during.json()["id"] as? Int)
            try await d.run(other, "resolve-on-site", by: "grid", #"{"result":"已清理","evidence":["attachment:\#(photo)"]}"#,
                            expect: "handled")
            try await d.run(other, "verify", by: "disp", #"{"pass":true}"#, expect: "verified")
            try await d.run(other, "close", by: "desk", #"{"reply":"已清理","channel":"phone"}"#, expect: "closed")
            try await d.run(other, "revisit", by: "desk", #"{"satisfaction":"satisfied","channel":"phone"}"#, expect: "archived")
            let archived = try await Self.upload(d, other, by: "desk", Self.png, filename: "a.png")
            XCTAssertEqual(archived.status, .conflict)
            XCTAssertEqual(try archived.json()["code"] as? String, "case_archived")
            XCTAssertTrue(containsChinese(try archived.json()["detail"] as? String ?? ""), archived.text)
            XCTAssertEqual(Self.storedCount(d), 2)
            // Reading stays possible on a finished case.
            let listed = try await d.client.execute(uri: "/api/v1/cases/\(other)/attachments", method: .get,
                                                    headers: try await d.headers("desk"))
            XCTAssertEqual(listed.status, .ok)
        }
    }
}
