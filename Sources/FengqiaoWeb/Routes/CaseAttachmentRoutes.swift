import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// `/api/v1/cases/{number}/attachments`: upload one file (`multipart/form-data`, field `file`), list
/// them, download one with the type judged at upload.
struct CaseAttachmentRoutes {
    let platform: Platform

    /// The largest upload body: the largest file plus room for the multipart framing, so that a file
    /// just over the limit gets the field error rather than a bare 413.
    static let maximumBodyBytes = CaseAttachments.maximumBytes + (1 << 20)

    func add(to routes: inout RouteTable) {
        let attachments = CaseAttachments(platform: platform)
        routes.post("/api/v1/cases/{number}/attachments") { request, context in
            let caller = try context.caller()
            let number = try context.parameters.require("number")
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
                throw HTTPError(.unsupportedMediaType, message: "请以 multipart/form-data 上传文件(字段 file)。")
            }
            var request = request
            let form = try MultipartForm(try await request.collectBody(upTo: Self.maximumBodyBytes), boundary: boundary)
            let file = form["file"]
            let view = try await attachments.upload(file?.data ?? Data(), filename: file?.filename, caseNumber: number,
                                                    caller: caller)
            return try JSONResponse.encode(view, status: .created)
        }
        routes.get("/api/v1/cases/{number}/attachments") { _, context in
            let number = try context.parameters.require("number")
            return try JSONResponse.encode(try await attachments.list(caseNumber: number, caller: try context.caller()))
        }
        routes.get("/api/v1/cases/{number}/attachments/{attachment}") { _, context in
            let caller = try context.caller()
            let number = try context.parameters.require("number")
            guard let id = Int64(try context.parameters.require("attachment")) else {
                throw DomainError.notFound(what: "附件")
            }
            let file = try await attachments.download(caseNumber: number, id: id, caller: caller)
            return Response(
                status: .ok,
                headers: [
                    .contentType: file.type.mediaType,
                    .contentDisposition: ContentDisposition.attachment(filename: file.name),
                    .xContentTypeOptions: "nosniff",
                    .cacheControl: "private, no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
    }
}
