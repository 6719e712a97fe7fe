import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The public work phones on a grid's public card: whoever staffs the grid (`editMap`, the grid inside the
/// jurisdiction, else "not found") gives a post holder a work phone residents may call, or takes it off;
/// each change is audited (`grid_post.public_phone`). Nothing else of the holder's is shown.
public struct GridCardPhones: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public struct Holder: Sendable, Equatable {
        public var post: GridPost
        public var accountID: Int64
        public var name: String
        public var publicPhone: String?
    }

    /// The holders of grid `gridCode` with their public phones.
    public func holders(gridCode: String, caller: Caller) async throws -> (grid: AreaNode, holders: [Holder]) {
        let grid = try await self.grid(gridCode, caller)
        let (holders, phones) = try await platform.database.read { db in
            (try await GridPostRepository(db).holders(prefix: grid.code).filter { $0.gridCode == grid.code },
             try await GridCardPhoneRepository(db).phones(gridCode: grid.code))
        }
        return (grid, holders.compactMap { holder in
            GridPost(rawValue: holder.post).map {
                Holder(post: $0, accountID: holder.accountId, name: holder.displayName ?? holder.username ?? "",
                       publicPhone: phones[GridCardPhoneRepository.key(post: holder.post, accountId: holder.accountId)])
            }
        }.sorted { ($0.post, $0.name) < ($1.post, $1.name) })
    }

    /// Sets the public phone of the holder of `post` (blank takes it off the card).
    public func set(gridCode: String, post raw: String?, accountID: Int64?, phone text: String?, caller: Caller)
        async throws
    {
        let grid = try await self.grid(gridCode, caller)
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        var parsed: PhoneNumber?
        if !trimmed.isEmpty {
            parsed = PhoneNumber(trimmed)
            if parsed == nil { throw DomainError.validation([.invalid("phone", label: "公开工作电话")]) }
        }
        let phone = parsed
        guard let post = raw.flatMap(GridPost.init(rawValue:)), let accountID else {
            throw DomainError.notFound(what: "该岗位人员")
        }
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            let holds = try await GridPostRepository(db).holders(prefix: grid.code)
                .contains { $0.gridCode == grid.code && $0.post == post.rawValue && $0.accountId == accountID }
            guard holds else { throw DomainError.notFound(what: "该岗位人员") }
            try await GridCardPhoneRepository(db).set(gridCode: grid.code, post: post.rawValue, accountId: accountID,
                                                      phone: phone?.rawValue, at: now)
            try await AuditTrail.append(
                AuditEntry(caller, action: "grid_post.public_phone", objectType: "grid", objectID: grid.code,
                           summary: AuditEntry.summary(["post": post.rawValue, "accountId": String(accountID),
                                                        "public": phone == nil ? "no" : "yes"])),
                at: now, in: db, kind: kind)
        }
    }

    private func grid(_ code: String, _ caller: Caller) async throws -> AreaNode {
        try caller.staff.require(.editMap)
        try caller.staff.requireInside(code, "网格")
        guard let grid = try await platform.areaAtlas().node(code), grid.level == .grid else {
            throw DomainError.notFound(what: "网格")
        }
        return grid
    }
}
