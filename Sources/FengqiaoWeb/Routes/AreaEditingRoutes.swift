import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Re-drawing the map: JSON endpoints for every change, forms for renaming and re-drawing, and the
/// history page of an area.
struct AreaEditingRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let editing = AreaEditing(platform: platform)
        routes.get("/areas/{code}/history") { _, context in
            let code = try context.parameters.require("code")
            let changes = try await editing.history(code: code, caller: try context.caller())
            return try views.page("history", [
                "code": code,
                "changes": changes.map {
                    ["change": AreaChangeName.chinese($0.change), "day": $0.effectiveOn, "area": $0.areaCode,
                     "before": $0.before, "after": $0.after, "related": $0.relatedCodes.split(separator: "|").map(String.init)]
                },
            ], session: context.session)
        }
        routes.get("/api/v1/areas/{code}/history") { _, context in
            let changes = try await editing.history(code: try context.parameters.require("code"), caller: try context.caller())
            return try JSONResponse.encode(changes)
        }
        routes.post("/api/v1/areas/{code}/rename") { request, context in
            let body = try await JSONObjectBody.read(request, context: context)
            let code = try context.parameters.require("code")
            try await editing.rename(code: code, to: body.string("name") ?? "", aliases: body.strings("aliases"),
                                     effectiveOn: body.string("effectiveOn"), caller: try context.caller())
            return Response(status: .noContent)
        }
        routes.on("/api/v1/areas/{code}/boundary", method: .put) { request, context in
            let body = try await JSONObjectBody.read(request, context: context)
            try await editing.redraw(code: try context.parameters.require("code"), boundary: body.geoJSON("boundary"),
                                     effectiveOn: body.string("effectiveOn"), acceptGaps: body.bool("acceptGaps"),
                                     caller: try context.caller())
            return Response(status: .noContent)
        }
        routes.post("/api/v1/areas/{code}/children") { request, context in
            let body = try await JSONObjectBody.read(request, context: context)
            let kind = try body.string("gridKind").map { text throws(DomainError) in
                guard let kind = GridKind(rawValue: text) else {
                    throw DomainError.validation([FieldError(field: "gridKind", code: "invalid_choice", message: "网格类型不在可选范围内")])
                }
                return kind
            } ?? .ordinary
            let code = try await editing.create(
                parent: try context.parameters.require("code"),
                part: .init(name: body.string("name") ?? "", boundary: body.geoJSON("boundary")), kind: kind,
                effectiveOn: body.string("effectiveOn"), acceptGaps: body.bool("acceptGaps"), caller: try context.caller())
            return try JSONResponse.encode(["code": code], status: .created)
        }
        routes.post("/api/v1/areas/{code}/split") { request, context in
            let body = try await JSONObjectBody.read(request, context: context)
            let codes = try await editing.split(
                code: try context.parameters.require("code"),
                into: body.parts("parts").map { .init(name: $0.name, boundary: $0.boundary) },
                effectiveOn: body.string("effectiveOn"), caller: try context.caller())
            return try JSONResponse.encode(["codes": codes], status: .created)
        }
        routes.post("/api/v1/areas/{code}/move") { request, context in
            let body = try await JSONObjectBody.read(request, context: context)
            let code = try await editing.move(
                code: try context.parameters.require("code"), to: body.string("parentCode") ?? "",
                effectiveOn: body.string("effectiveOn"), acceptGaps: body.bool("acceptGaps"), caller: try context.caller())
            return try JSONResponse.encode(["code": code], status: .created)
        }
        routes.post("/api/v1/areas/merge") { request, context in
            let body = try await JSONObjectBody.read(request, context: context)
            let code = try await editing.merge(codes: body.strings("codes"), into: body.string("name") ?? "",
                                               effectiveOn: body.string("effectiveOn"), caller: try context.caller())
            return try JSONResponse.encode(["code": code], status: .created)
        }
        routes.post("/areas/{code}/edit") { request, context in
            let code = try context.parameters.require("code")
            let form = try await request.formFields(context: context)
            let caller = try context.caller()
            if let boundary = form["boundary"], !boundary.isEmpty {
                try await editing.redraw(code: code, boundary: boundary, effectiveOn: form["effectiveOn"],
                                         acceptGaps: form["acceptGaps"] == "on", caller: caller)
            }
            if let name = form["name"], !name.isEmpty {
                try await editing.rename(code: code, to: name, aliases: (form["aliases"] ?? "").split(separator: "|").map(String.init),
                                         effectiveOn: form["effectiveOn"], caller: caller)
            }
            return .redirect(to: "/areas/\(code)/history", type: .normal)
        }
    }
}

/// Chinese names of area changes.
enum AreaChangeName {
    static func chinese(_ change: String) -> String {
        switch change {
        case "created": "新建"
        case "renamed": "更名"
        case "redrawn": "调整边界"
        case "split": "拆分"
        case "merged": "合并"
        case "moved": "调整隶属"
        case "retired": "撤销"
        default: change
        }
    }
}
