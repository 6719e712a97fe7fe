import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 亮点工作加分 pages: `/assessment/awards` (the requests of the units in view, by state, and the request form for
/// one's own unit), `/assessment/awards/{id}` (one request, with the assessor's approve and refuse forms and the
/// requester's withdrawal). A request of a unit outside the jurisdiction answers 404.
struct AssessmentAwardRoutes {
    let platform: Platform
    let views: Views
    let recompute: AssessmentRecompute

    static let formFields = ["unit", "period", "points", "title", "description", "evidence"]
    static let errorFields = formFields + ["files"]

    func add(to routes: inout RouteTable) {
        let awards = HighlightAwards(platform: platform, recompute: recompute)
        routes.get("/assessment/awards") { request, context in
            let caller = try context.caller()
            let state = request.uri.queryParameters["state"].flatMap { AssessmentRequestState(rawValue: String($0)) }
            return try await listPage(state: state, fields: nil, errors: [], status: .ok, caller: caller,
                                      context: context)
        }
        routes.post("/assessment/awards") { request, context in
            let caller = try context.caller()
            let (fields, files) = try await Self.requestForm(request, context: context)
            do {
                let id = try await awards.request(AwardSubmission(
                    unit: fields["unit"], period: fields["period"], points: fields["points"], title: fields["title"],
                    description: fields["description"], evidence: fields["evidence"]), files: files, caller: caller)
                return .redirect(to: "/assessment/awards/\(id)", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await listPage(state: nil, fields: fields, errors: errors, status: .unprocessableContent,
                                          caller: caller, context: context)
            }
        }
        routes.get("/assessment/awards/{id}/files/{file}") { _, context in
            let caller = try context.caller()
            guard let file = Int64(try context.parameters.require("file")) else { throw DomainError.notFound(what: "该佐证材料") }
            let evidence = try await awards.evidence(id: try Self.id(context), fileID: file, caller: caller)
            return Response(
                status: .ok,
                headers: [
                    .contentType: evidence.type.mediaType,
                    .contentDisposition: ContentDisposition.attachment(filename: evidence.filename),
                    .xContentTypeOptions: "nosniff",
                    .cacheControl: "private, no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: evidence.data)))
        }
        routes.get("/assessment/awards/{id}") { _, context in
            let caller = try context.caller()
            return try await detailPage(id: try Self.id(context), fields: nil, errors: [], status: .ok, caller: caller,
                                        context: context)
        }
        routes.post("/assessment/awards/{id}/approve") { request, context in
            let caller = try context.caller()
            let id = try Self.id(context)
            let fields = try await request.formFields(context: context)
            do {
                try await awards.approve(id: id, points: fields["points"], note: fields["note"], caller: caller)
                return .redirect(to: "/assessment/awards/\(id)", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await detailPage(id: id, fields: fields, errors: errors, status: .unprocessableContent,
                                            caller: caller, context: context)
            }
        }
        routes.post("/assessment/awards/{id}/refuse") { request, context in
            let caller = try context.caller()
            let id = try Self.id(context)
            let fields = try await request.formFields(context: context)
            do {
                try await awards.refuse(id: id, reason: fields["reason"], caller: caller)
                return .redirect(to: "/assessment/awards/\(id)", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await detailPage(id: id, fields: fields, errors: errors, status: .unprocessableContent,
                                            caller: caller, context: context)
            }
        }
        routes.post("/assessment/awards/{id}/withdraw") { _, context in
            let id = try Self.id(context)
            try await awards.withdraw(id: id, caller: try context.caller())
            return .redirect(to: "/assessment/awards/\(id)", type: .normal)
        }
    }

    /// The request form's text fields and evidence files: `multipart/form-data` from the page (files in `files`), or
    /// a plain URL-encoded form (no files).
    static func requestForm(_ request: Request, context: AppRequestContext) async throws
        -> (fields: [String: String], files: [AwardEvidenceUpload])
    {
        var fields: [String: String] = [:]
        if let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
            var request = request
            let form = try MultipartForm(try await request.collectBody(upTo: context.maxUploadSize), boundary: boundary)
            for name in formFields { fields[name] = form.text(name) }
            let files = form.all("files").map { AwardEvidenceUpload(data: $0.data, filename: $0.filename) }
            return (fields, files)
        }
        let form = try await request.formFields(context: context)
        for name in formFields { fields[name] = form[name] }
        return (fields, [])
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该加分申请") }
        return id
    }

    private func listPage(state: AssessmentRequestState?, fields: [String: String]?, errors: [FieldError],
                          status: HTTPResponse.Status, caller: Caller, context: AppRequestContext) async throws -> Response
    {
        let awards = HighlightAwards(platform: platform, recompute: recompute)
        let list = try await awards.list(state: state, caller: caller)
        let own = try await awards.ownUnits(caller: caller)
        var page = ManualPointsPageContext.errors(errors, fields: Self.errorFields)
        page["awards"] = list.map { award -> [String: Any] in
            ["id": award.id, "unit": award.unit.name, "kind": award.unit.unit.kind.chineseName, "period": award.period.label,
             "title": award.title, "requested": ManualPointsPageContext.points(award.requestedPoints),
             "approved": ManualPointsPageContext.points(award.approvedPoints), "state": award.state.rawValue,
             "stateName": award.state.chineseName, "requestedBy": award.requestedByName,
             "requestedAt": ManualPointsPageContext.minute(award.requestedAt)]
        }
        page["states"] = [["value": "", "name": "全部", "selected": state == nil]]
            + AssessmentRequestState.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "selected": $0 == state] }
        page["mayRequest"] = !own.isEmpty
        page["units"] = ManualPointsPageContext.units(own, chosen: fields?["unit"])
        page["periods"] = ManualPointsPageContext.months(now: platform.clock.now(), chosen: fields?["period"])
        page["cap"] = ManualPointsPageContext.points(AssessmentTemplate.standard(own.first?.unit.kind ?? .township, .month).awardCap)
        for name in ["points", "title", "description", "evidence"] { page[name] = fields?[name] ?? "" }
        return try views.page("assessment-awards", page, status: status, session: context.session)
    }

    private func detailPage(id: Int64, fields: FormFields?, errors: [FieldError], status: HTTPResponse.Status,
                            caller: Caller, context: AppRequestContext) async throws -> Response
    {
        let award = try await HighlightAwards(platform: platform, recompute: recompute).view(id: id, caller: caller)
        let pending = award.state == .pending
        var page = ManualPointsPageContext.errors(errors, fields: ["points", "note", "reason"])
        page["award"] = [
            "id": award.id, "unit": award.unit.name, "kind": award.unit.unit.kind.chineseName, "period": award.period.label,
            "title": award.title, "description": award.description, "evidence": award.evidence,
            "requested": ManualPointsPageContext.points(award.requestedPoints),
            "approved": award.approvedPoints.map(AssessmentTemplate.points) as Any, "state": award.state.rawValue,
            "stateName": award.state.chineseName, "requestedBy": award.requestedByName,
            "requestedAt": ManualPointsPageContext.minute(award.requestedAt), "decidedBy": award.decidedByName as Any,
            "decidedAt": award.decidedAt.map(ManualPointsPageContext.minute(_:)) as Any, "note": award.decisionNote as Any,
        ] as [String: Any]
        page["id"] = award.id
        let cap = try await HighlightAwards(platform: platform, recompute: recompute).capStatus(of: award)
        page["capStatus"] = "\(award.period.label)该单位已批准亮点加分 \(AssessmentTemplate.points(cap.approved)) 分,"
            + "上限 \(AssessmentTemplate.points(cap.cap)) 分"
        page["mayDecide"] = pending && caller.staff.may(.assess) && award.requestedBy != caller.staff.accountID
        page["mayWithdraw"] = pending && award.requestedBy == caller.staff.accountID
        page["points"] = fields?["points"] ?? ManualPointsPageContext.points(award.requestedPoints)
        page["files"] = award.files.map { ["fileId": $0.id, "name": $0.filename, "type": $0.type.chineseName,
                                          "size": ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file)] }
        page["noteValue"] = fields?["note"] ?? ""
        page["reasonValue"] = fields?["reason"] ?? ""
        return try views.page("assessment-award", page, status: status, session: context.session)
    }
}
