import FengqiaoQRCode
import FengqiaoServices
import Foundation
import Hummingbird

/// 网格服务联系卡: a printable card per grid whose QR code opens the public report page of the grid.
struct ContactCardRoutes {
    let platform: Platform
    let views: Views
    let publicURL: String?

    func add(to routes: inout RouteTable) {
        routes.get("/areas/{code}/card") { request, context in
            let card = try await AreaBrowser(platform: platform)
                .contactCard(code: try context.parameters.require("code"), caller: try context.caller())
            let reportURL = Self.base(publicURL, request) + "/report?grid=\(card.grid.code)"
            let qr = try QRCode(text: reportURL, correction: .medium)
            return try views.page("card", [
                "grid": card.grid.name, "code": card.grid.code, "place": card.place.joined(separator: " · "),
                "members": card.members.map { ["post": $0.post.chineseName, "name": $0.name, "phone": $0.phone ?? ""] },
                "centerName": card.centerName as Any, "hotline": card.hotline as Any,
                "qrSVG": qr.svg(moduleSize: 5, quietZone: 4), "reportURL": reportURL,
            ], session: context.session)
        }
    }

    /// `https://host` as configured, else as the browser addressed this server.
    static func base(_ configured: String?, _ request: Request) -> String {
        if let configured, !configured.isEmpty {
            return configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        }
        let host = request.head.authority ?? "127.0.0.1"
        let safeHost = host.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) } ? host : "127.0.0.1"
        return "http://\(safeHost)"
    }
}
