import FengqiaoDomain
import FengqiaoStore
import Foundation

/// 公告: centre staff who accept or supervise cases (受理员、调度员、信访接待员、领导) write notices for an area
/// of their jurisdiction, publish and withdraw them (each audited, `notice.create|update|publish|withdraw`);
/// residents see, without an account, the published notices of the county and of the area they choose
/// that have reached their publish day and not passed their last day. A notice outside the
/// jurisdiction is "not found".
public struct PublicNotices: Sendable {
    let platform: Platform
    public static let listLimit = 100

    public init(platform: Platform) { self.platform = platform }

    public static func mayEdit(_ staff: Staff) -> Bool {
        !staff.isMachine && [Permission.acceptCases, .superviseCases].contains(where: staff.may)
    }

    static func requireEditor(_ staff: Staff) throws(DomainError) {
        guard mayEdit(staff) else { throw .forbidden(permission: .acceptCases) }
    }

    /// The notices of the jurisdiction, newest first.
    public func list(caller: Caller) async throws -> [PublicNotice] {
        try Self.requireEditor(caller.staff)
        let atlas = try await platform.areaAtlas()
        let prefix = caller.staff.jurisdiction.prefix
        let limit = Self.listLimit
        return try await platform.database.read { db in try await NoticeRepository(db).list(prefix: prefix, limit: limit) }
            .compactMap { Self.notice($0, atlas: atlas) }
    }

    /// Notice `id`, if its area lies inside the jurisdiction.
    public func view(id: Int64, caller: Caller) async throws -> PublicNotice {
        try Self.requireEditor(caller.staff)
        let record = try await platform.database.read { db in try await NoticeRepository(db).find(id: id) }
        guard let record, caller.staff.jurisdiction.contains(record.areaCode),
              let notice = Self.notice(record, atlas: try await platform.areaAtlas())
        else { throw DomainError.notFound(what: "该公告") }
        return notice
    }

    /// Writes a new notice as a draft (or published at once when `publish`); returns its id.
    public func create(_ draft: NoticeDraft, publish: Bool, caller: Caller) async throws -> Int64 {
        try Self.requireEditor(caller.staff)
        let valid = try await validated(draft, caller: caller)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let state: NoticeState = publish ? .published : .draft
        let record = NoticeRecord(
            areaCode: valid.areaCode.rawValue, title: valid.title, body: valid.body, state: state.rawValue,
            publishDay: valid.publishDay.description, expiryDay: valid.expiryDay?.description,
            createdBy: caller.staff.displayName, createdAt: now, updatedAt: now)
        return try await platform.database.write { db in
            let id = try await NoticeRepository(db).insert(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: publish ? "notice.publish" : "notice.create", objectType: "notice",
                           objectID: String(id), summary: AuditEntry.summary(["area": record.areaCode, "title": record.title])),
                at: now, in: db, kind: kind)
            return id
        }
    }

    /// Changes notice `id`'s text, area or days (its state stays).
    public func update(id: Int64, _ draft: NoticeDraft, caller: Caller) async throws {
        try Self.requireEditor(caller.staff)
        let valid = try await validated(draft, caller: caller)
        try await change(id: id, action: "notice.update", caller: caller) { record in
            record.areaCode = valid.areaCode.rawValue
            record.title = valid.title
            record.body = valid.body
            record.publishDay = valid.publishDay.description
            record.expiryDay = valid.expiryDay?.description
        }
    }

    /// Shows notice `id` to residents (from its publish day).
    public func publish(id: Int64, caller: Caller) async throws {
        try Self.requireEditor(caller.staff)
        try await change(id: id, action: "notice.publish", caller: caller) { record in
            guard record.state != NoticeState.published.rawValue else {
                throw DomainError.conflict(code: "already_published", message: "该公告已发布")
            }
            record.state = NoticeState.published.rawValue
        }
    }

    /// Takes notice `id` down.
    public func withdraw(id: Int64, caller: Caller) async throws {
        try Self.requireEditor(caller.staff)
        try await change(id: id, action: "notice.withdraw", caller: caller) { record in
            guard record.state == NoticeState.published.rawValue else {
                throw DomainError.conflict(code: "not_published", message: "只有已发布的公告可以撤回")
            }
            record.state = NoticeState.withdrawn.rawValue
        }
    }

    /// What residents see: the published, current notices of the areas above the townships (the city and
    /// county centres) and of the areas on the way to `areaCode` (when it names a known area), newest first.
    public func shown(areaCode: String?) async throws -> [PublicNotice] {
        let atlas = try await platform.areaAtlas()
        var codes: [String] = []
        var queue = atlas.rootCode.map { [$0] } ?? []
        while let code = queue.popLast() {
            codes.append(code)
            queue += atlas.children(of: code).filter { $0.level <= .county }.map(\.code)
        }
        if let areaCode, let path = atlas.path(to: areaCode) {
            codes += path.nodes.map(\.code).filter { !codes.contains($0) }
        }
        let today = ChinaTime.dayString(platform.clock.now())
        let limit = Self.listLimit
        let chosen = codes
        return try await platform.database.read { db in
            try await NoticeRepository(db).shown(areaCodes: chosen, on: today, limit: limit)
        }.compactMap { Self.notice($0, atlas: atlas) }
    }

    private func validated(_ draft: NoticeDraft, caller: Caller) async throws -> NoticeDraft.Valid {
        let valid = try draft.validate()
        let atlas = try await platform.areaAtlas()
        guard let node = atlas.node(valid.areaCode.rawValue), node.level < .grid,
              caller.staff.jurisdiction.contains(valid.areaCode)
        else {
            throw DomainError.validation([FieldError(field: "areaCode", code: "unknown", message: "辖区内没有该地区")])
        }
        return valid
    }

    private func change(id: Int64, action: String, caller: Caller,
                        _ edit: @escaping @Sendable (inout NoticeRecord) throws -> Void)
        async throws
    {
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let jurisdiction = caller.staff.jurisdiction
        try await platform.database.write { db in
            let notices = NoticeRepository(db)
            guard var record = try await notices.find(id: id), jurisdiction.contains(record.areaCode) else {
                throw DomainError.notFound(what: "该公告")
            }
            try edit(&record)
            record.updatedAt = now
            try await notices.update(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: action, objectType: "notice", objectID: String(id),
                           summary: AuditEntry.summary(["area": record.areaCode, "title": record.title])),
                at: now, in: db, kind: kind)
        }
    }

    static func notice(_ record: NoticeRecord, atlas: AreaAtlas) -> PublicNotice? {
        guard let id = record.id else { return nil }
        return PublicNotice(
            id: id, areaCode: record.areaCode, areaName: atlas.node(record.areaCode)?.name ?? record.areaCode,
            title: record.title, body: record.body, state: NoticeState(rawValue: record.state) ?? .draft,
            publishDay: record.publishDay, expiryDay: record.expiryDay, createdBy: record.createdBy)
    }
}
