import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// `/todo`, the signed-in staff's 待办 home: the count per worklist for everyone, then the section of their
/// role (see `TodoHome`) — the department's queue with one-click 签收 and links to the case page's 退回 and
/// 反馈 forms, the grids, the supervision desk with links to 督办 / 挂牌督办, the open mediations, the
/// petitions whose deadline is near.
struct TodoRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let worklists = CaseWorklists(platform: platform)
        let home = TodoHome(platform: platform)
        let platform = platform
        routes.get("/todo") { request, context in
            let caller = try context.caller()
            let counts = try await worklists.counts(caller: caller)
            let supervised = try await worklists.count(.all, filter: CaseWorklistFilter(supervised: "1"), caller: caller)
            let overdue = try await worklists.count(.all, filter: CaseWorklistFilter(overdue: "1"), caller: caller)
            var lists: [[String: Any]] = []
            for list in CaseWorklist.allCases {
                let count: Int?
                switch list {
                case .mine: count = counts.mine
                case .department: count = counts.department
                case .overdue: count = counts.overdue
                case .verification: count = counts.verification
                case .revisit: count = counts.revisit
                case .all: count = counts.all
                }
                guard let count else { continue }
                lists.append(["name": list.chineseName, "count": count, "href": "/cases?list=\(list.rawValue)"])
            }
            let atlas = try await platform.areaAtlas()
            let staff = caller.staff
            var values: [String: Any] = [
                "lists": lists, "overdue": overdue, "supervised": supervised, "missedCheckIns": counts.missedCheckIns,
                "done": request.uri.queryParameters["done"].flatMap { CaseCommandRequest.name(kebab: String($0)) }
                    .map { "已\($0.chineseName)。" } as Any,
            ]
            if let queue = try await home.departmentQueue(caller: caller) {
                values["department"] = TodoPageContext.department(queue, atlas: atlas)
            }
            if let grids = try await home.grids(caller: caller) {
                values["grids"] = TodoPageContext.grids(grids, mayOpenMap: staff.may(.viewMap))
                values["gridSection"] = true
            }
            if let supervision = try await home.supervision(caller: caller) {
                values["supervisionDesk"] = TodoPageContext.supervision(supervision, atlas: atlas)
            }
            if let mediations = try await home.mediations(caller: caller) {
                values["mediations"] = mediations.map(TodoPageContext.mediation)
                values["mediationSection"] = true
            }
            if let petitions = try await home.petitions(caller: caller) {
                values["petitions"] = petitions.map { TodoPageContext.petition($0, now: platform.clock.now()) }
                values["petitionSection"] = true
                values["mayRegisterPetitions"] = staff.may(.receivePetitions)
            }
            var response = try views.page("todo", values, session: context.session)
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
