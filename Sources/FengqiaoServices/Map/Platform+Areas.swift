import FengqiaoDomain

extension Platform {
    /// The current atlas and the active area `code`, once `caller` has `permission` and the area lies in
    /// their jurisdiction; "not found" for an area outside it, exactly as for one that does not exist.
    func area(_ code: String, for caller: Caller, needing permission: Permission) async throws
        -> (atlas: AreaAtlas, node: AreaNode)
    {
        try caller.staff.require(permission)
        try caller.staff.requireInside(code, "区域")
        let atlas = try await areaAtlas()
        guard let node = atlas.node(code) else { throw DomainError.notFound(what: "区域") }
        return (atlas, node)
    }
}
