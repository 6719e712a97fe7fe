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

/// A centre taking in cases through the router: the sample areas plus a second grid in the village
/// (北 half) and a corner of the village in no grid; a desk operator, grid workers (one holding a post in
/// the first grid only), a department handler; sessions, forms and counts.
struct IntakeFixture {
    let client: any TestClientProtocol
    let platform: Platform

    /// The second grid: [40.61, 40.62] × [109.80, 109.81].
    static let secondGrid = "150207001001002"
    static let inSecondGrid = (latitude: 40.615, longitude: 109.805)
    /// In the village, in no grid.
    static let inNoGrid = (latitude: 40.605, longitude: 109.815)
    static let boundary = "FengqiaoIntakeBoundary"

    static func each(_ body: @escaping @Sendable (IntakeFixture) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await db.write { db in
                try await AreaRepository(db).insert([
                    AreaRecord(code: secondGrid, parentCode: SampleAreas.village, level: "grid", gridKind: "ordinary",
                               name: "康乐社区第2网格", boundary: SampleAreas.rectangle(40.61, 109.80, 40.62, 109.81),
                               minLat: 40.61, minLon: 109.80, maxLat: 40.62, maxLon: 109.81, createdAt: 0),
                ])
            }
            let platform = try TestPlatform.make(database: db)
            let accounts: [(String, Role, String, Int64?)] = [
                ("desk", .intakeOperator, SampleAreas.township, nil), ("desk2", .intakeOperator, SampleAreas.township, nil),
                ("grid", .gridWorker, SampleAreas.grid, nil), ("poster", .gridWorker, SampleAreas.village, nil),
                ("wide", .gridWorker, SampleAreas.township, nil), ("handler", .departmentHandler, SampleAreas.township, 1),
                ("disp", .dispatcher, SampleAreas.township, nil), ("outsider", .intakeOperator, "150207009000", nil),
            ]
            for (name, role, area, department) in accounts {
                try await TestAccounts.create(name, role: role, area: area, departmentID: department,
                                              displayName: name == "desk" ? "李受理" : "测试用户", in: db)
            }
            let poster = try await db.read { try await AccountRepository($0).find(username: "poster")?.id } ?? 0
            try await db.write { db in
                try await GridPostRepository(db).assign(GridPostRecord(gridCode: SampleAreas.grid, post: "fullTime",
                                                                       accountId: poster, assignedAt: 0))
            }
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in try await body(IntakeFixture(client: client, platform: platform)) }
        }
    }

    /// A fresh session of `username`: its cookie and CSRF token.
    func session(_ username: String) async throws -> (cookie: String, csrf: String) {
        let signedIn = try await Authentication(platform: platform).signIn(
            username: username, password: TestAccounts.password, ip: "10.1.0.1")
        return ("fq_session=\(signedIn.token)", signedIn.session.csrfToken)
    }

    func get(_ uri: String, as username: String) async throws -> TestResponse {
        let session = try await session(username)
        return try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie, .accept: "text/html"])
    }

    /// Posts a multipart form (text fields, then files) as `username`, with its CSRF token unless `csrf` is false.
    func postMultipart(
        _ uri: String, as username: String, fields: [(String, String)], files: [(field: String, name: String, data: Data)] = [],
        csrf: Bool = true, headers extra: HTTPFields = [:], accept: String = "text/html"
    ) async throws -> TestResponse {
        let session = try await session(username)
        var body = Data()
        for (name, value) in (csrf ? [("_csrf", session.csrf)] : []) + fields {
            body += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(Self.boundary)--\r\n".utf8)
        var headers: HTTPFields = [.cookie: session.cookie, .accept: accept,
                                   .contentType: "multipart/form-data; boundary=\(Self.boundary)"]
        headers.append(contentsOf: extra)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(data: body))
    }

    /// Posts an urlencoded form as `username` with its CSRF token.
    func postForm(_ uri: String, as username: String, fields: [(String, String)]) async throws -> TestResponse {
        let session = try await session(username)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = ([("_csrf", session.csrf)] + fields).map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: session.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    /// Posts JSON as `username` (CSRF header), with an optional idempotency key.
    func postJSON(_ uri: String, as username: String, _ json: String, key: String? = nil) async throws -> TestResponse {
        let session = try await session(username)
        var headers: HTTPFields = [.cookie: session.cookie, .init("X-CSRF-Token")!: session.csrf,
                                   .accept: "application/json", .contentType: "application/json"]
        if let key { headers[.init("Idempotency-Key")!] = key }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    /// The hidden fields of the confirmation form on a preview page, in order.
    static func hiddenFields(in html: String) -> [(String, String)] {
        guard let form = html.range(of: #"action="/desk/confirm""#) else { return [] }
        let rest = String(html[form.upperBound...])
        let regex = try? NSRegularExpression(pattern: #"<input type="hidden" name="([^"]+)" value="([^"]*)">"#)
        let range = NSRange(rest.startIndex..., in: rest)
        return (regex?.matches(in: rest, range: range) ?? []).compactMap { match in
            guard let name = Range(match.range(at: 1), in: rest), let value = Range(match.range(at: 2), in: rest) else {
                return nil
            }
            return (String(rest[name]), unescape(String(rest[value])))
        }.filter { $0.0 != "_csrf" }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    func count(_ table: String) async throws -> Int {
        try await platform.database.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
                .decode(column: "n", as: Int.self) ?? -1
        }
    }

    /// The files the upload store holds.
    func storedFiles() -> Int {
        let enumerator = FileManager.default.enumerator(at: platform.uploads.directory, includingPropertiesForKeys: [.isRegularFileKey])
        var n = 0
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { n += 1 }
        }
        return n
    }

    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01])
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
    static let pdf = Data("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".utf8)
    static let webp = Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)
    static let exe = Data([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])
}
