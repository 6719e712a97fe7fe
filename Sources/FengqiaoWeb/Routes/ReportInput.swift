import FengqiaoDomain
import Foundation
import Hummingbird

/// A public report as it arrives at the form or the API: JSON (the `ReportSubmission` keys), an
/// urlencoded form, or `multipart/form-data` with the same field names and up to
/// `ReportPhotos.limit` files in `photos`. The honeypot field and the form's CSRF token ride along.
struct ReportInput {
    var submission = ReportSubmission()
    var photos: [ReportPhoto] = []
    /// The honeypot's value; anything but blank means an automated sender.
    var honeypot: String?
    var csrf: String?
    /// The text fields as sent, to put back into the form after an error.
    var values: [String: String] = [:]
    /// Fields that could not even be read as their type (a coordinate that is not a number).
    var errors: [FieldError] = []

    /// The largest body: every photo at its limit plus room for the text and the multipart framing, so that
    /// one photo over its limit gets the field error rather than a bare 413.
    static let maximumBodyBytes = ReportPhotos.limit * ReportPhotos.maxBytes + (1 << 20)

    static let textFields = [
        "channel", "kind", "category", "bag", "description", "address", "latitude", "longitude", "gridCode",
        "contactName", "contactPhone", "idempotencyKey", ReportGate.honeypotField, "_csrf",
    ]

    var honeypotFilled: Bool { !(honeypot ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// Reads the body of `request` in whichever of the three forms it comes; 415 for any other type.
    static func read(_ request: inout Request, json: Bool) async throws -> ReportInput {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
            let form = try MultipartForm(try await request.collectBody(upTo: maximumBodyBytes), boundary: boundary)
            var input = ReportInput(fields: { form.text($0) })
            input.photos = form.all(ReportPhotos.field)
                .filter { !$0.data.isEmpty || !($0.filename ?? "").isEmpty }  // a file input left empty
                .map { ReportPhoto(data: $0.data, filename: $0.filename) }
            return input
        }
        if contentType.hasPrefix("application/x-www-form-urlencoded"), !json {
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: AppRequestContext.maxBodyBytes)))
            return ReportInput(fields: { fields[$0] })
        }
        guard json, contentType.hasPrefix("application/json") else {
            throw HTTPError(.unsupportedMediaType, message: json
                ? "请以 application/json 或 multipart/form-data 提交。" : "请通过页面上的表单提交。")
        }
        let data = Data(buffer: try await request.collectBody(upTo: AppRequestContext.maxBodyBytes))
        let decoder = JSONDecoder()
        var input = ReportInput()
        input.submission = try decoder.decode(ReportSubmission.self, from: data)
        input.honeypot = try? decoder.decode(Honeypot.self, from: data).website
        return input
    }

    private struct Honeypot: Decodable {
        var website: String?
    }

    /// The input from text fields looked up by name.
    init(fields: (String) -> String?) {
        for name in Self.textFields {
            if let value = fields(name) { values[name] = value }
        }
        func number(_ name: String, _ label: String) -> Double? {
            guard let text = values[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite else {
                errors.append(FieldError(field: name, code: "invalid_format", message: "\(label)应为数字"))
                return nil
            }
            return value
        }
        submission = ReportSubmission(
            channel: values["channel"], kind: values["kind"], category: values["category"],
            description: values["description"], address: values["address"],
            latitude: number("latitude", "纬度"), longitude: number("longitude", "经度"), gridCode: values["gridCode"],
            contactName: values["contactName"], contactPhone: values["contactPhone"],
            idempotencyKey: values["idempotencyKey"], bag: values["bag"])
        honeypot = values[ReportGate.honeypotField]
        csrf = values["_csrf"]
    }

    init() {}
}
