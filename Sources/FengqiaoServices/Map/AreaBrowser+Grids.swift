import FengqiaoDomain
import Foundation

extension AreaBrowser {
    /// The grids and micro-grids inside `code` (the caller's own area when nil), in code order, a page at a
    /// time: `after` is the previous page's last code (nil for the first page). Outside the jurisdiction the
    /// area is "not found"; a malformed `after` or a `limit` outside 1…500 is a field error.
    public func grids(within code: String?, after: String?, limit: Int, caller: Caller) async throws -> GridListPage {
        var problems: [FieldError] = []
        if !(1...500).contains(limit) {
            problems.append(FieldError(field: "limit", code: "out_of_range", message: "每页条数须在1到500之间"))
        }
        if let after, AreaCode(after) == nil {
            problems.append(FieldError(field: "cursor", code: "invalid_format", message: "分页游标无效,请从第一页重新开始"))
        }
        guard problems.isEmpty else { throw DomainError.validation(problems) }
        let (atlas, path) = try await visiblePath(code ?? caller.staff.jurisdiction.root.rawValue, caller)
        var grids: [AreaNode] = []
        var pending = [path.leaf]
        while let node = pending.popLast() {
            if node.level == .grid || node.level == .microGrid { grids.append(node) }
            pending += atlas.children(of: node.code)
        }
        let ordered = grids.filter { after == nil || $0.code > after ?? "" }.sorted { $0.code < $1.code }
        let page = Array(ordered.prefix(limit))
        return GridListPage(grids: page, nextCode: ordered.count > limit ? page.last?.code : nil)
    }
}
