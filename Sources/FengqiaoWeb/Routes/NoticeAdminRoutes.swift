import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 公告管理 for centre staff (`PublicNotices.mayEdit`): the list and the new-notice form `/admin/notices`,
/// one notice's edit form `/admin/notices/{id}`, and publishing and withdrawing it. A notice outside the
/// jurisdiction answers 404.
struct NoticeAdminRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let notices = PublicNotices(platform: platform)
        routes.get("/admin/notices") { _, context in
            let caller = try context.caller()
            return try await listPage(caller: caller, fields: nil, errors: [], status: .ok, context: context)
        }
        routes.post("/admin/notices") { request, context in
            let caller = try context.caller()
            let fields = try await request.formFields(context: context)
            do {
                _ = try await notices.create(Self.draft(fields), publish: fields["publish"] == "on", caller: caller)
                return .redirect(to: "/admin/notices", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await listPage(caller: caller, fields: fields, errors: errors, status: .unprocessableContent,
                                          context: context)
            }
        }
        routes.get("/admin/notices/{id}") { _, context in
            let caller = try context.caller()
            let notice = try await notices.view(id: try Self.id(context), caller: caller)
            return try await editPage(notice, fields: nil, errors: [], status: .ok, caller: caller, context: context)
        }
        routes.post("/admin/notices/{id}") { request, context in
            let caller = try context.caller()
            let id = try Self.id(context)
            let fields = try await request.formFields(context: context)
            do {
                try await notices.update(id: id, Self.draft(fields), caller: caller)
                return .redirect(to: "/admin/notices", type: .normal)
            } catch DomainError.validation(let errors) {
                let notice = try await notices.view(id: id, caller: caller)
                return try await editPage(notice, fields: fields, errors: errors, status: .unprocessableContent,
                                          caller: caller, context: context)
            }
        }
        routes.post("/admin/notices/{id}/publish") { _, context in
            try await notices.publish(id: try Self.id(context), caller: try context.caller())
            return .redirect(to: "/admin/notices", type: .normal)
        }
        routes.post("/admin/notices/{id}/withdraw") { _, context in
            try await notices.withdraw(id: try Self.id(context), caller: try context.caller())
            return .redirect(to: "/admin/notices", type: .normal)
        }
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该公告") }
        return id
    }

    static func draft(_ fields: FormFields) -> NoticeDraft {
        NoticeDraft(title: fields["title"], body: fields["body"], areaCode: fields["areaCode"],
                    publishDay: fields["publishDay"], expiryDay: fields["expiryDay"])
    }

    private func listPage(caller: Caller, fields: FormFields?, errors: [FieldError], status: HTTPResponse.Status,
                          context: AppRequestContext) async throws -> Response
    {
        let list = try await PublicNotices(platform: platform).list(caller: caller)
        var page = try await formContext(fields: fields, errors: errors, caller: caller)
        page["notices"] = list.map { notice -> [String: Any] in
            ["id": notice.id, "title": notice.title, "areaName": notice.areaName, "stateName": notice.state.chineseName,
             "publishDay": notice.publishDay, "expiryDay": notice.expiryDay ?? "长期",
             "mayPublish": notice.state != .published, "mayWithdraw": notice.state == .published]
        }
        return try views.page("notices", page, status: status, session: context.session)
    }

    private func editPage(_ notice: PublicNotice, fields: FormFields?, errors: [FieldError], status: HTTPResponse.Status,
                          caller: Caller, context: AppRequestContext) async throws -> Response
    {
        var page = try await formContext(fields: fields, errors: errors, caller: caller, notice: notice)
        page["id"] = notice.id
        page["stateName"] = notice.state.chineseName
        return try views.page("notice", page, status: status, session: context.session)
    }

    /// The form's values (as sent, else the notice's, else today) and its errors, with the areas of the
    /// jurisdiction down to villages.
    private func formContext(fields: FormFields?, errors: [FieldError], caller: Caller, notice: PublicNotice? = nil)
        async throws -> [String: Any]
    {
        let atlas = try await platform.areaAtlas()
        let home = caller.staff.jurisdiction.root.rawValue
        let chosen = fields?["areaCode"] ?? notice?.areaCode ?? home
        var areas: [[String: Any]] = []
        func walk(_ code: String, depth: Int) {
            guard areas.count < 500, let node = atlas.node(code), node.level < .grid else { return }
            areas.append(["code": node.code, "name": String(repeating: "　", count: depth) + node.name,
                          "selected": node.code == chosen])
            for child in atlas.children(of: code).sorted(by: { $0.code < $1.code }) { walk(child.code, depth: depth + 1) }
        }
        walk(home, depth: 0)
        let message = { (field: String) in errors.first { $0.field == field }?.message as Any }
        return [
            "areas": areas,
            "title": fields?["title"] ?? notice?.title ?? "", "body": fields?["body"] ?? notice?.body ?? "",
            "publishDay": fields?["publishDay"] ?? notice?.publishDay ?? ChinaTime.dayString(platform.clock.now()),
            "expiryDay": fields?["expiryDay"] ?? notice?.expiryDay ?? "",
            "errors": errors.map { ["message": $0.message] },
            "titleError": message("title"), "bodyError": message("body"), "areaCodeError": message("areaCode"),
            "publishDayError": message("publishDay"), "expiryDayError": message("expiryDay"),
        ]
    }
}
