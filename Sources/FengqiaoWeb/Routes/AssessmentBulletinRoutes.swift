import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 月通报 `/assessment/bulletins/{month}` (a month; `.pdf` prints it) and 季排名 `/assessment/rankings/{quarter}`
/// (a quarter; `.xlsx` exports it). Downloads are audited; everything is inside the viewer's jurisdiction.
struct AssessmentBulletinRoutes {
    let platform: Platform
    let views: Views
    let assessments: Assessments

    func add(to routes: inout RouteTable) {
        let assessments = self.assessments
        routes.get("/assessment/bulletins/{month}.pdf") { _, context in
            let caller = try context.caller()
            let bulletin = try await assessments.downloadBulletin(
                periodKey: try context.parameters.require("month"), kind: .month, format: "pdf", caller: caller)
            let values = try await self.context(bulletin, caller: caller)
            return try await views.document("assessment-bulletin", values, fileName: "\(values["title"] ?? "考核通报").pdf",
                                            printer: platform.printer)
        }
        routes.get("/assessment/bulletins/{month}") { _, context in
            let caller = try context.caller()
            let bulletin = try await assessments.bulletin(periodKey: try context.parameters.require("month"), kind: .month,
                                                          caller: caller)
            return try views.page("assessment-bulletin", try await self.context(bulletin, caller: caller),
                                  session: context.session)
        }
        routes.get("/assessment/rankings/{quarter}.xlsx") { _, context in
            let caller = try context.caller()
            let (bulletin, data) = try await assessments.rankingWorkbook(periodKey: try context.parameters.require("quarter"),
                                                                         caller: caller)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    .contentDisposition: ContentDisposition.attachment(filename: "\(bulletin.period.label)考核排名.xlsx"),
                    .xContentTypeOptions: "nosniff", .cacheControl: "private, no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        routes.get("/assessment/rankings/{quarter}") { _, context in
            let caller = try context.caller()
            let bulletin = try await assessments.bulletin(periodKey: try context.parameters.require("quarter"), kind: .quarter,
                                                          caller: caller)
            return try views.page("assessment-rankings", try await self.context(bulletin, caller: caller),
                                  session: context.session)
        }
    }

    func context(_ bulletin: AssessmentBulletin, caller: Caller) async throws -> [String: Any] {
        let atlas = try await platform.areaAtlas()
        let root = caller.staff.jurisdiction.root.rawValue
        return AssessmentBulletinContext.bulletin(bulletin, areaName: atlas.node(root)?.name ?? root, atlas: atlas,
                                                  printedAt: platform.clock.now())
    }
}
