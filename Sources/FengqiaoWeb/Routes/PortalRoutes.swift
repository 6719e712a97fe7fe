import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The residents' portal (群众服务), mobile-first, no account, no script: the home page with its five big
/// buttons (我要反映 → `/report`, 查询进度 → `/track`, 网格员, 公告, 法律服务), the public grid cards
/// (`/portal/grid`: choose township → village → grid, or type an address), the public notices
/// (`/portal/notices`) and the legal services page (`/portal/legal`, its appointment form in
/// `LegalServiceRoutes`).
struct PortalRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        routes.get("/portal") { _, context in
            let notices = try await PublicNotices(platform: platform).shown(areaCode: nil).prefix(3)
            return try views.page("portal", [
                "notices": notices.map(Self.notice),
            ], session: context.session)
        }
        routes.get("/portal/grid") { request, context in
            let query = FormFields(request.uri.query ?? "")
            return try await gridPage(query, context: context)
        }
        routes.get("/portal/notices") { request, context in
            let query = FormFields(request.uri.query ?? "")
            let area = query["area"].flatMap { $0.isEmpty ? nil : $0 }
            let directory = PublicGridDirectory(platform: platform)
            let places = try await directory.townshipsAndVillages()
            let notices = try await PublicNotices(platform: platform).shown(areaCode: area)
            return try views.page("portal-notices", [
                "areas": Self.areaOptions(places, chosen: area ?? ""), "notices": notices.map(Self.notice),
                "area": area as Any,
            ], session: context.session)
        }
    }

    /// The grid page: the choices down to the grid, and the card of the grid chosen or found by address.
    private func gridPage(_ query: FormFields, context: AppRequestContext) async throws -> Response {
        let directory = PublicGridDirectory(platform: platform)
        var township = query["township"] ?? ""
        var village = query["village"] ?? ""
        var grid = query["grid"] ?? ""
        let address = (query["address"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var addressError: String?
        if !address.isEmpty {
            if address.count > 100 {
                addressError = "地址不能超过100个字"
            } else if let path = try await directory.locate(address: address) {
                township = path.at(.township)?.code ?? ""
                village = path.at(.village)?.code ?? ""
                grid = path.at(.grid)?.code ?? path.at(.microGrid)?.code ?? ""
            } else {
                addressError = "没有找到这个地址所在的社区或网格,请逐级选择"
            }
        }
        let townships = try await directory.townships()
        let villages = township.isEmpty ? [] : try await directory.children(of: township, level: .village)
        let grids = village.isEmpty ? [] : try await directory.children(of: village, level: .grid)
        var card: PublicGridCard?
        var status = HTTPResponse.Status.ok
        var gridError: String?
        if !grid.isEmpty {
            do {
                card = try await directory.card(gridCode: grid)
            } catch DomainError.notFound {
                gridError = "没有这个网格,请重新选择"
                status = .notFound
            }
        }
        func options(_ choices: [PublicGridDirectory.Choice], _ chosen: String) -> [[String: Any]] {
            choices.map { ["code": $0.code, "name": $0.name, "selected": $0.code == chosen] }
        }
        return try views.page("portal-grid", [
            "townships": options(townships, township), "villages": options(villages, village),
            "grids": grids.map { ["code": $0.code, "name": $0.name] },
            "township": township, "village": village, "address": address, "addressError": addressError as Any,
            "gridError": gridError as Any,
            "card": card.map { card in [
                "name": card.name, "code": card.code, "place": card.place.joined(separator: " · "),
                "members": card.members.map { ["post": $0.post.chineseName, "name": $0.name, "phone": $0.publicPhone as Any] },
                "centerName": card.centerName as Any, "hotline": card.hotline as Any,
            ] } as Any,
        ], status: status, session: context.session)
    }

    static func notice(_ notice: PublicNotice) -> [String: Any] {
        ["id": notice.id, "title": notice.title, "areaName": notice.areaName, "publishDay": notice.publishDay,
         "expiryDay": notice.expiryDay as Any,
         "paragraphs": notice.body.split(separator: "\n").map { ["text": String($0)] }]
    }

    /// Townships with their villages as `<optgroup>`s of a select.
    static func areaOptions(_ places: [(township: PublicGridDirectory.Choice, villages: [PublicGridDirectory.Choice])],
                            chosen: String) -> [[String: Any]] {
        places.map { place in
            ["name": place.township.name, "code": place.township.code, "selected": place.township.code == chosen,
             "villages": place.villages.map { ["code": $0.code, "name": $0.name, "selected": $0.code == chosen] }]
        }
    }
}
