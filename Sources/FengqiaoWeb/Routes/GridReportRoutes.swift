import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// `POST /api/v1/grid-reports`: a grid worker's report from the field, as JSON (photos base64-encoded in
/// `photos: [{"name", "content"}]`) or as `multipart/form-data` (the same fields as text parts, each photo a
/// `photos` file part). `Idempotency-Key` makes a retry answer with the first case. Answers 201 with the case.
struct GridReportRoutes {
    let platform: Platform

    /// The JSON form of a report: the submission's fields and its photos.
    struct JSONReport: Decodable {
        struct Photo: Decodable {
            var name: String?
            var content: String
        }

        var report: GridReportSubmission
        var photos: [Photo]

        init(from decoder: any Decoder) throws {
            report = try GridReportSubmission(from: decoder)
            enum Keys: String, CodingKey { case photos }
            photos = try decoder.container(keyedBy: Keys.self).decodeIfPresent([Photo].self, forKey: .photos) ?? []
        }
    }

    func add(to routes: inout RouteTable) {
        let reports = GridReports(platform: platform)
        routes.post("/api/v1/grid-reports") { request, context in
            let caller = try context.caller()
            var request = request
            let body = try await request.collectBody(upTo: DeskRoutes.maximumBodyBytes)
            let (submission, photos) = try Self.read(body, contentType: request.headers[.contentType])
            let view = try await reports.submit(
                submission, photos: photos, idempotencyKey: CaseCommandInput.idempotencyKey(request.headers),
                caller: caller)
            return try CaseRoutes.answer(view, status: .created)
        }
    }

    static func read(_ body: ByteBuffer, contentType: String?) throws -> (GridReportSubmission, [GridReportPhoto]) {
        if let boundary = MultipartForm.boundary(of: contentType) {
            let form = try MultipartForm(body, boundary: boundary)
            let photos = form.all("photos").filter { !$0.data.isEmpty || !($0.filename ?? "").isEmpty }
                .map { GridReportPhoto(data: $0.data, filename: $0.filename) }
            return (try submission(form), photos)
        }
        guard let contentType, contentType.lowercased().hasPrefix("application/json") else {
            throw HTTPError(.unsupportedMediaType, message: "请以 application/json 或 multipart/form-data 提交。")
        }
        let decoder = JSONDecoder()
        let json = try decoder.decode(JSONReport.self, from: Data(buffer: body))
        var errors: [FieldError] = []
        let photos = json.photos.enumerated().compactMap { index, photo -> GridReportPhoto? in
            let text = photo.content.split(separator: ",", maxSplits: 1).last.map(String.init) ?? ""  // a data: URL too
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                errors.append(FieldError(field: "photos[\(index)].content", code: "invalid_format",
                                         message: "第\(index + 1)张照片的内容不是有效的 Base64 编码"))
                return nil
            }
            return GridReportPhoto(data: data, filename: photo.name)
        }
        guard errors.isEmpty else { throw DomainError.validation(errors) }
        return (json.report, photos)
    }

    /// The submission from the text parts of a multipart form; a number or switch that is not one is a field error.
    static func submission(_ form: MultipartForm) throws -> GridReportSubmission {
        var errors: [FieldError] = []
        func text(_ name: String) -> String? {
            form.text(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func number<T: LosslessStringConvertible>(_ name: String, _ label: String) -> T? {
            guard let raw = text(name) else { return nil }
            guard let value = T(raw) else {
                errors.append(FieldError(field: name, code: "invalid_format", message: "\(label)应为数字"))
                return nil
            }
            return value
        }
        var resolved: Bool?
        if let raw = text("resolvedOnSite") {
            switch raw.lowercased() {
            case "true", "1", "on", "yes": resolved = true
            case "false", "0", "off", "no": resolved = false
            default: errors.append(FieldError(field: "resolvedOnSite", code: "invalid_format", message: "是否就地化解应为 true 或 false"))
            }
        }
        let submission = GridReportSubmission(
            latitude: number("latitude", "纬度"), longitude: number("longitude", "经度"), kind: text("kind"),
            category: text("category"), urgency: text("urgency"), description: text("description"),
            address: text("address"), peopleInvolved: number("peopleInvolved", "涉及人数"),
            amountInvolved: number("amountInvolved", "涉及金额"), contactName: text("contactName"),
            contactPhone: text("contactPhone"), resolvedOnSite: resolved, result: text("result"))
        guard errors.isEmpty else { throw DomainError.validation(errors) }
        return submission
    }
}
