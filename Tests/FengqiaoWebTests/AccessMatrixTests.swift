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

/// Every route × every role, every token scope and nobody × an object inside and outside the jurisdiction,
/// checked against the oracle in `AccessOracle`. Every account here answers for township A; the
/// "outside" object lies in township B. A route missing from the oracle fails the test, so a new
/// route cannot arrive without its access rule.
final class AccessMatrixTests: XCTestCase {
    /// Who asks: nobody, a member of staff in a role, or a machine with a token of one scope.
    enum Principal: Hashable, CustomStringConvertible {
        case nobody
        case staff(Role)
        case token(ApiScope)

        static let all: [Principal] = [.nobody] + Role.allCases.map(Principal.staff) + ApiScope.allCases.map(Principal.token)

        var permissions: Set<Permission>? {
            switch self {
            case .nobody: nil
            case .staff(let role): role.permissions
            case .token(let scope): scope.permissions
            }
        }

        var role: Role? { if case .staff(let role) = self { role } else { nil } }

        var description: String {
            switch self {
            case .nobody: "nobody"
            case .staff(let role): role.rawValue
            case .token(let scope): "token:\(scope.rawValue)"
            }
        }
    }

    /// What a request came to, as far as access goes.
    enum Outcome: String {
        case allowed, unauthenticated, forbidden, hidden
    }

    func testEveryRouteRoleAndScopeAgreesWithTheOracle() async throws {
        let (mismatches, cases) = try await TestDatabases.withSQLite { db in
            let platform = try TestPlatform.make(database: db)
            let routes = try await registeredRoutes(platform: platform)
            let unknown = routes.filter { AccessOracle.entries[$0] == nil }
            XCTAssertEqual(unknown, [], "routes without an entry in AccessOracle")
            let world = try await AccessWorld.make(platform)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            return try await app.test(.router) { client in
                var mismatches: [String] = []
                var cases = 0
                var sessions: [Role: SignedInBrowser] = [:]
                var tokens: [ApiScope: String] = [:]
                for scope in ApiScope.allCases {
                    tokens[scope] = try await ApiTokens(platform: platform).create(
                        name: "矩阵-\(scope.rawValue)", scopes: [scope.rawValue], area: SampleAreas.township,
                        by: .commandLine("test")).token
                }
                for role in Role.allCases {  // straight through the service: the login form's per-IP limit would stop 12
                    let signedIn = try await Authentication(platform: platform).signIn(
                        username: AccessWorld.username(role), password: TestAccounts.password, ip: "10.0.0.\(sessions.count)")
                    sessions[role] = SignedInBrowser(cookie: "fq_session=\(signedIn.token)", csrf: signedIn.session.csrfToken)
                }
                for route in routes.sorted() {
                    guard let entry = AccessOracle.entries[route], entry.rule != .exempt else { continue }
                    let scopes: [AccessWorld.Scope] = entry.object == .none ? [.inside] : [.inside, .outside]
                    for scope in scopes {
                        for principal in Principal.all {
                            let expected = entry.expected(principal, scope: scope)
                            let request = world.request(route, entry, scope, role: principal.role)
                            var headers = Self.headers(request)
                            switch principal {
                            case .nobody: break
                            case .staff(let role):
                                headers[.cookie] = sessions[role]?.cookie
                                headers[.csrfHeader] = sessions[role]?.csrf
                            case .token(let apiScope):
                                headers[.authorization] = "Bearer " + (tokens[apiScope] ?? "")
                            }
                            let response = try await client.execute(
                                uri: request.uri, method: request.method, headers: headers,
                                body: request.body.map { ByteBuffer(string: $0) })
                            cases += 1
                            if response.status.code >= 500 {
                                mismatches.append("\(route) as \(principal) \(scope): \(response.status.code) \(response.text.prefix(200))")
                                continue
                            }
                            let observed = Self.outcome(response)
                            if observed != expected {
                                mismatches.append("\(route) as \(principal) \(scope): expected \(expected), got \(observed) (\(response.status.code) \(response.text.prefix(160)))")
                            }
                        }
                    }
                }
                return (mismatches, cases)
            }
        }
        XCTAssertEqual(mismatches, [], "\(mismatches.count) of \(cases) cases disagree with the oracle:\n" + mismatches.joined(separator: "\n"))
        XCTAssertGreaterThan(cases, 1500)
    }

    static func headers(_ request: AccessWorld.Request) -> HTTPFields {
        var headers: HTTPFields = [.accept: "application/json"]
        if let type = request.contentType { headers[.contentType] = type }
        return headers
    }

    static func outcome(_ response: TestResponse) -> Outcome {
        switch response.status.code {
        case 401: .unauthenticated
        case 303 where (response.headers[.location] ?? "").hasPrefix("/login"): .unauthenticated
        case 403: .forbidden
        case 404: .hidden
        case 422 where response.text.contains(#"{"code":"unknown","field":"gridCode""#): .hidden
        case 422 where response.text.contains(#"{"code":"unknown","field":"cameraId""#): .hidden
        case 422 where response.text.contains(#"{"code":"unknown","field":"organizationId""#): .hidden
        case 422 where response.text.contains(#"{"code":"outside_grid","field":"location""#): .hidden
        default: .allowed
        }
    }
}
