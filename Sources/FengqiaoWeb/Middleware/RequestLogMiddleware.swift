import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id (the client's `X-Request-Id` when it is sane, else a new one), puts it in
/// every log line of the request and in the response, and logs one line per request when it is done.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = Self.requestID(from: request)
        context.requestID = id
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.xRequestID] = id
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code)", metadata: [
            "ms": .string(String(format: "%.1f", ms)),
        ])
        return response
    }

    static func requestID(from request: Request) -> String {
        if let given = request.headers[.xRequestID], (1...64).contains(given.count),
           given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            return given
        }
        return UUID().uuidString.lowercased()
    }
}

// Constant, valid header names: the initialiser fails only for invalid tokens, which no input can reach.
extension HTTPField.Name {
    static var xRequestID: Self { .init("X-Request-Id")! }
    static var xFrameOptions: Self { .init("X-Frame-Options")! }
    static var referrerPolicy: Self { .init("Referrer-Policy")! }
    static var permissionsPolicy: Self { .init("Permissions-Policy")! }
    static var csrfToken: Self { .init("X-CSRF-Token")! }
}
