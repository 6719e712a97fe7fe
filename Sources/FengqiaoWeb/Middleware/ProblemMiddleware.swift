import FengqiaoDomain
import Foundation
import Hummingbird

/// Turns every error thrown below it into an answer: `application/problem+json` for API clients, a
/// Chinese error page for browsers. Unexpected errors are logged with the request id and answered 500
/// without internals.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let views: Views

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let mapped = ErrorMapping.map(error)
            if mapped.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": .string(String(reflecting: error))])
            }
            if mapped.status == .unauthorized, Self.wantsHTML(request) {
                let next = request.method == .get ? request.uri.description : "/"
                let query = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                return .redirect(to: "/login?next=\(query)", type: .normal)
            }
            var response = Self.wantsHTML(request)
                ? try views.errorPage(mapped, requestID: context.requestID, session: context.session)
                : try Self.problem(mapped, requestID: context.requestID)
            response.headers.append(contentsOf: mapped.headers)
            return response
        }
    }

    /// Pages answer browsers with the error page; `/api/…` answers problem+json whatever the `Accept`.
    static func wantsHTML(_ request: Request) -> Bool {
        if request.uri.path == "/api" || request.uri.path.hasPrefix("/api/") { return false }
        guard let accept = request.headers[.accept] else { return false }
        return accept.contains("text/html")
    }

    static func problem(_ mapped: ErrorMapping.Mapped, requestID: String) throws -> Response {
        let problem = ProblemDetails(
            type: "urn:fengqiao:problem:\(mapped.code)", title: mapped.title, status: mapped.status.code,
            detail: mapped.detail, code: mapped.code, requestId: requestID.isEmpty ? nil : requestID,
            errors: mapped.fields
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(problem)
        return Response(
            status: mapped.status, headers: [.contentType: "application/problem+json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
