import Hummingbird

/// Refuses a request whose declared body is larger than the limit before reading any of it.
/// (Bodies without a length are limited while they are collected, see `AppRequestContext`.)
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = Self.limit(for: request)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw limit == AppRequestContext.maxBodyBytes
                ? HTTPError(.contentTooLarge) : HTTPError(.contentTooLarge, message: "请求内容超过 \(limit >> 20) MB 的上限。")
        }
        return try await next(request, context)
    }

    /// File uploads (imports, case attachments, photos of public reports, camera alerts with a snapshot) may be
    /// larger than other bodies.
    static func limit(for request: Request) -> Int {
        let path = request.uri.path
        if path.hasPrefix("/api/v1/imports/") || path == "/imports" { return TransferRoutes.maximumImportBytes }
        if path == "/hotline" || path == "/api/v1/hotline/batches" { return HotlineRoutes.maximumBodyBytes }
        if request.method == .post, path.hasPrefix("/api/v1/cases/"), path.hasSuffix("/attachments") {
            return CaseAttachmentRoutes.maximumBodyBytes
        }
        if request.method == .post, MediationOutcomeRoutes.isSignedCopyUpload(path) {
            return MediationOutcomeRoutes.maximumBodyBytes
        }
        if request.method == .post, path == "/report" || path == "/api/v1/reports" { return ReportInput.maximumBodyBytes }
        if request.method == .post, path == "/api/v1/camera-alerts" { return CameraAlertRoutes.maximumBodyBytes }
        if request.method == .post, path == "/desk/preview" || path == "/api/v1/grid-reports" || path == "/app/api/reports" {
            return DeskRoutes.maximumBodyBytes
        }
        return AppRequestContext.maxBodyBytes
    }
}
