import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The outcomes of mediations in the JSON API under `/api/v1/mediation/cases/{number}`, mirroring the
/// mediation page: read the outcome, conclude, download the 人民调解协议书, upload the signed copy
/// (`multipart/form-data`: `file`, `signedOn`), record the performance, hand off for judicial
/// confirmation and record the ruling, download the hand-off package (ZIP). The service decides who may.
struct MediationOutcomeRoutes {
    let platform: Platform
    let views: Views

    /// The largest signed-copy upload: as a case attachment's.
    static let maximumBodyBytes = CaseAttachmentRoutes.maximumBodyBytes

    /// Whether `path` takes a signed copy (a file upload, allowed a larger body).
    static func isSignedCopyUpload(_ path: String) -> Bool {
        (path.hasPrefix("/api/v1/mediation/cases/") || path.hasPrefix("/mediation/cases/"))
            && path.hasSuffix("/agreement/signed-copy")
    }

    func add(to routes: inout RouteTable) {
        let outcomes = MediationOutcomes(platform: platform)
        let print = views.mediationDocuments(printer: platform.printer)
        let base = "/api/v1/mediation/cases/{number}"
        routes.get(RouterPath(base + "/outcome")) { _, context in
            let number = try context.parameters.require("number")
            return try JSONResponse.encode(try await outcomes.outcome(number: number, caller: try context.caller()))
        }
        routes.post(RouterPath(base + "/conclusion")) { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            let submission = try await request.decodeJSON(as: MediationConclusionSubmission.self, context: context)
            return try JSONResponse.encode(try await outcomes.conclude(number: number, submission, caller: caller),
                                           status: .created)
        }
        routes.get(RouterPath(base + "/agreement.pdf")) { _, context in
            let number = try context.parameters.require("number")
            let caller = try context.caller()
            return Self.download(try await outcomes.agreementDocument(number: number, caller: caller, print: print))
        }
        routes.post(RouterPath(base + "/agreement/signed-copy")) { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            let upload = try await Self.signedCopy(request)
            return try JSONResponse.encode(try await outcomes.uploadSignedCopy(
                number: number, file: upload.data, filename: upload.filename, signedOn: upload.signedOn, caller: caller),
                status: .created)
        }
        routes.post(RouterPath(base + "/agreement/performance")) { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            let submission = try await request.decodeJSON(as: AgreementPerformanceSubmission.self, context: context)
            return try JSONResponse.encode(try await outcomes.recordPerformance(number: number, submission, caller: caller))
        }
        routes.post(RouterPath(base + "/confirmation")) { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            let submission = try await request.decodeJSON(as: ConfirmationHandOffSubmission.self, context: context)
            return try JSONResponse.encode(try await outcomes.handOff(number: number, submission, caller: caller))
        }
        routes.post(RouterPath(base + "/confirmation/ruling")) { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            let submission = try await request.decodeJSON(as: ConfirmationRulingSubmission.self, context: context)
            return try JSONResponse.encode(try await outcomes.recordRuling(number: number, submission, caller: caller))
        }
        routes.get(RouterPath(base + "/confirmation/package.zip")) { _, context in
            let number = try context.parameters.require("number")
            let caller = try context.caller()
            return Self.download(try await outcomes.confirmationPackage(number: number, caller: caller, print: print))
        }
    }

    /// A printed document or package as a download that is never cached.
    static func download(_ file: MediationDocumentDownload) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: file.mediaType,
                .contentDisposition: ContentDisposition.attachment(filename: file.fileName),
                .xContentTypeOptions: "nosniff",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    /// The signed copy of a `multipart/form-data` body: the file (field `file`) and `signedOn`.
    static func signedCopy(_ request: Request) async throws -> (data: Data, filename: String?, signedOn: String?) {
        guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
            throw HTTPError(.unsupportedMediaType, message: "请以 multipart/form-data 上传签署文本(字段 file、signedOn)。")
        }
        var request = request
        let form = try MultipartForm(try await request.collectBody(upTo: maximumBodyBytes), boundary: boundary)
        let file = form["file"]
        return (file?.data ?? Data(), file?.filename, form.text("signedOn"))
    }
}
