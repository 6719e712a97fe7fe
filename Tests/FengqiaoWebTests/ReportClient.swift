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

/// A resident's phone on the report page: loads the form (for its double-submit token) and posts it as
/// a browser without JavaScript does, as `multipart/form-data` with photos.
struct ReportClient {
    static let boundary = "FengqiaoReportBoundary"
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0x11, count: 500)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 2, count: 300)
    static let disguised = Data("%PDF-1.7\n%âãÏÓ\n".utf8)

    let client: any TestClientProtocol
    let platform: Platform

    /// Runs `body` against the real router with `limits` (none unless given), on SQLite or, with `each`, on
    /// PostgreSQL too; uploads go to a temporary directory removed afterwards.
    static func run(
        limits: ReportLimits = ReportLimits(perAddress: nil, perPhone: nil), clock: (any WallClock)? = nil,
        each: Bool = false, _ body: @escaping @Sendable (ReportClient) async throws -> Void
    ) async throws {
        let run: @Sendable (any Database) async throws -> Void = { db in
            try await SampleAreas.insert(into: db)
            let platform = try clock.map { try TestPlatform.make(database: db, clock: $0) } ?? TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration(reportLimits: limits))
            try await app.test(.router) { client in try await body(ReportClient(client: client, platform: platform)) }
        }
        if each { try await TestDatabases.each(run) } else { try await TestDatabases.withSQLite(run) }
    }

    static func multipart(_ fields: [(String, String)], photos: [(Data, String)] = []) -> ByteBuffer {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (data, filename) in photos {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"\(filename)\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
            body += data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    /// Loads `/report` (with `grid`) and posts `fields` with `photos` through it.
    func submit(grid: String? = nil, _ fields: [(String, String)], photos: [(Data, String)] = [],
                headers extra: HTTPFields = [:]) async throws -> TestResponse
    {
        let page = try await client.execute(uri: "/report" + (grid.map { "?grid=\($0)" } ?? ""), method: .get,
                                            headers: htmlHeaders)
        XCTAssertEqual(page.status, .ok)
        let token = try XCTUnwrap(cookieValue("fq_report_csrf", in: page))
        let hidden = try XCTUnwrap(firstMatch(#"name="gridCode" value="([^"]*)""#, in: page.text))
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(Self.boundary)", .accept: "text/html",
                                   .cookie: "fq_report_csrf=\(token)"]
        headers.append(contentsOf: extra)
        return try await client.execute(
            uri: "/report", method: .post, headers: headers,
            body: Self.multipart(Self.merged([("_csrf", token), ("gridCode", hidden), ("website", "")], fields), photos: photos))
    }

    /// `defaults` with the values in `fields` put in their place (the server reads the first of a name), then
    /// the other fields.
    static func merged(_ defaults: [(String, String)], _ fields: [(String, String)]) -> [(String, String)] {
        let given = Dictionary(fields, uniquingKeysWith: { a, _ in a })
        return defaults.map { ($0.0, given[$0.0] ?? $0.1) } + fields.filter { field in !defaults.contains { $0.0 == field.0 } }
    }

    /// Posts `fields` and `photos` to the JSON API as `multipart/form-data`.
    func apiMultipart(_ fields: [(String, String)], photos: [(Data, String)] = [], headers extra: HTTPFields = [:])
        async throws -> TestResponse
    {
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(Self.boundary)"]
        headers.append(contentsOf: extra)
        return try await client.execute(uri: "/api/v1/reports", method: .post, headers: headers,
                                        body: Self.multipart(fields, photos: photos))
    }

    func apiJSON(_ json: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = jsonHeaders
        headers.append(contentsOf: extra)
        return try await client.execute(uri: "/api/v1/reports", method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func caseCount() async throws -> Int { try await platform.database.read { try await CaseRepository($0).count() } }

    func storedFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(at: platform.uploads.directory, includingPropertiesForKeys: nil)
        var names: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.count == 32 { names.append(url.lastPathComponent) }
        }
        return names
    }

    /// The case behind the tracking code in a receipt page.
    func filedCase(from receipt: TestResponse) async throws -> CaseRecord {
        let code = try XCTUnwrap(firstMatch(#"track\?code=([A-Z0-9-]+)"#, in: receipt.text), receipt.text)
        let raw = try XCTUnwrap(TrackingCode(code)).rawValue
        let found = try await platform.database.read { try await CaseRepository($0).find(trackingCode: raw) }
        return try XCTUnwrap(found)
    }
}
