import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// What a desk form posts, urlencoded or multipart (with scanned pages): the draft, new files, and the
/// confirmation's choices (the case to attach the visit to, the idempotency key, going back to edit).
struct DeskInput {
    var draft: DeskDraft
    var files: [(data: Data, filename: String?)]
    var attachTo: String?
    var idempotencyKey: String?
    var edit: Bool

    static let maximumParties = 10

    static func read(_ request: Request, context: AppRequestContext) async throws -> DeskInput {
        var request = request
        let body = try await request.collectBody(upTo: DeskRoutes.maximumBodyBytes)
        let text: (String) -> String?
        var files: [(data: Data, filename: String?)] = []
        if let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
            let form = try MultipartForm(body, boundary: boundary)
            text = { form.text($0) }
            // An empty file input still sends one part, without a name and without bytes.
            files = form.all("pageFiles").filter { !$0.data.isEmpty || !($0.filename ?? "").isEmpty }
                .map { ($0.data, $0.filename) }
        } else {
            let fields = FormFields(String(buffer: body))
            text = { fields[$0] }
        }
        var parties: [CaseOpening.Party] = []
        for index in 0..<maximumParties {
            let name = text("parties[\(index)].name")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let phone = text("parties[\(index)].phone")?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !name.isEmpty || !phone.isEmpty else { continue }
            parties.append(CaseOpening.Party(
                side: text("parties[\(index)].side"), kind: text("parties[\(index)].kind"), name: name,
                phone: phone.isEmpty ? nil : phone))
        }
        let pages = (text("pages") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let draft = DeskDraft(
            details: IntakeDetailsSubmission(
                channel: text("channel"), visitors: text("visitors"), callerPhone: text("callerPhone"),
                calledAt: text("calledAt"), letterDate: text("letterDate")),
            category: text("category"), urgency: text("urgency"), description: text("description"),
            address: text("address"), gridCode: text("gridCode"), peopleInvolved: text("peopleInvolved"),
            amountInvolved: text("amountInvolved"), parties: parties, pages: Array(pages.prefix(DeskIntake.maximumPages + 1)))
        return DeskInput(draft: draft, files: files, attachTo: text("attachTo"), idempotencyKey: text("idempotencyKey"),
                         edit: text("edit") != nil)
    }
}
