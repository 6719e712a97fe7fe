import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The hotline desk's page: what was just done (an upload's report, a form's errors, a save) over the
/// standing parts (upload form, last batches, mapping profiles, type table, status export).
struct HotlinePage {
    let platform: Platform
    let views: Views

    struct State {
        var report: HotlineBatchReport?
        var uploadErrors: [FieldError] = []
        /// The profile to edit (`?profile=`), a new one when unknown.
        var editing: String?
        /// `profile` or `types` after a save.
        var saved: String?
        var profileForm: (name: String, names: [HotlineField: String])?
        var profileErrors: [FieldError] = []
        var typesForm: (lines: String, fallback: String)?
        var typeErrors: [FieldError] = []
    }

    func render(
        _ state: State, caller: Caller, status: HTTPResponse.Status = .ok, context: AppRequestContext
    ) async throws -> Response {
        let settings = HotlineSettings(platform: platform)
        let profiles = try await settings.profiles(caller: caller)
        let types = try await settings.typeMapping(caller: caller)
        let batches = try await HotlineBatches(platform: platform).recent(caller: caller)
        let today = ChinaTime.dayString(platform.clock.now())
        var response = try views.page("hotline", [
            "savedProfile": state.saved == "profile", "savedTypes": state.saved == "types",
            "uploadErrors": state.uploadErrors.map { ["message": $0.message] },
            "report": state.report.map(Self.report) as Any,
            "profiles": profiles.map { ["name": $0.name, "standard": $0.name == HotlineColumnMapping.standardName] },
            "batches": batches.map(Self.batch),
            "profile": Self.profileForm(state, profiles: profiles),
            "profileLinks": profiles.map { profile in
                ["name": profile.name, "href": "/hotline?profile=\(HotlineRoutes.queryValue(profile.name))#mapping"]
            },
            "types": Self.typesForm(state, types: types),
            "export": ["from": String(today.prefix(8)) + "01", "to": today],
            "maxRows": HotlineImport.maximumRows, "maxMegabytes": HotlineImport.maximumBytes >> 20,
        ], status: status, session: context.session)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func report(_ report: HotlineBatchReport) -> [String: Any] {
        [
            "filename": report.filename, "format": report.format.uppercased(), "profile": report.profile,
            "applied": report.applied, "rows": report.rows, "created": report.created,
            "alreadyImported": report.alreadyImported, "changed": report.changed, "failed": report.failed,
            "batchId": report.batchId as Any, "downloadable": report.batchId != nil && !report.problems.isEmpty,
            "problems": report.problems.map { problem in
                [
                    "row": problem.row.map(String.init) ?? "—", "column": problem.column ?? "—",
                    "field": HotlineField(rawValue: problem.field)?.chineseName ?? "文件", "code": problem.code,
                    "message": problem.message,
                ]
            },
            "items": report.items.filter { $0.outcome != "changed" }.prefix(500).map { item in
                [
                    "row": item.row, "number": item.workOrderNumber,
                    "outcome": item.outcome == "created" ? "已立案登记" : "已导入过",
                    "caseNumber": item.caseNumber ?? "—",
                ] as [String: Any]
            },
        ]
    }

    static func batch(_ batch: HotlineBatchSummary) -> [String: Any] {
        [
            "id": batch.id, "filename": batch.filename, "format": batch.format.uppercased(), "profile": batch.profile,
            "actor": batch.actor, "time": HotlineTime.text(batch.startedAt), "finished": batch.finishedAt != nil,
            "rows": batch.rows, "created": batch.created, "alreadyImported": batch.alreadyImported,
            "changed": batch.changed, "failed": batch.failed, "hasProblems": batch.problemCount > 0,
        ]
    }

    /// The profile editor: the form as sent back with its errors, else the profile `?profile=` names (a
    /// new one, prefilled with the standard names, when no profile has that name), else the standard one.
    static func profileForm(_ state: State, profiles: [HotlineColumnMapping]) -> [String: Any] {
        let name: String
        let values: [HotlineField: String]
        if let form = state.profileForm {
            (name, values) = form
        } else {
            let wanted = state.editing.flatMap { $0.isEmpty ? nil : $0 } ?? HotlineColumnMapping.standardName
            let profile = profiles.first { $0.name == wanted } ?? HotlineColumnMapping.standard
            name = wanted
            values = Dictionary(uniqueKeysWithValues: HotlineField.allCases.map { ($0, profile.text(for: $0)) })
        }
        func error(_ field: String) -> String? { state.profileErrors.first { $0.field == field }?.message }
        return [
            "name": name, "nameError": error("name") as Any, "isNew": !profiles.contains { $0.name == name },
            "fields": HotlineField.allCases.map { field -> [String: Any] in
                let message = error("names.\(field.rawValue)")
                return [
                    "field": "names.\(field.rawValue)", "label": field.chineseName, "value": values[field] ?? "",
                    "required": field.isRequired, "error": message as Any, "invalid": message != nil,
                ]
            },
            "errors": state.profileErrors.map { ["message": $0.message] },
        ]
    }

    static func typesForm(_ state: State, types: HotlineTypeMapping) -> [String: Any] {
        let (lines, fallback) = state.typesForm ?? (types.lines, types.fallback?.text ?? "")
        var options: [[String: Any]] = [["value": "", "label": "不设兜底(对应不上的工单作为错误行)", "selected": fallback.isEmpty]]
        for kind in CaseKind.allCases {
            for category in kind.defaultCategories {
                let value = HotlineTypeMapping.Target(kind: kind, category: category).text
                options.append(["value": value, "label": value, "selected": value == fallback])
            }
        }
        return [
            "lines": lines, "fallbackOptions": options,
            "errors": state.typeErrors.map { ["message": $0.message] },
        ]
    }
}
