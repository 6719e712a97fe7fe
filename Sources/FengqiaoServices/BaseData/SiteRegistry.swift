import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Places (地: 小区, 学校, 网吧 …) and things (物: 隐患点, 设施) in the grids: registering them, with
/// the grid taken from the location when it is not given, and searching places; scoped and audited.
public struct SiteRegistry: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public struct View: Sendable, Equatable, Encodable {
        public let id: Int64
        public let name: String
        public let kind: String
        public let gridCode: String
        public let address: String
        public let latitude: Double?
        public let longitude: Double?
    }

    public func registerPlace(_ submission: SiteSubmission<PlaceKind>, caller: Caller) async throws -> View {
        try await register(try submission.validate(requiresLocation: true), table: .places, caller: caller)
    }

    public func registerThing(_ submission: SiteSubmission<ThingKind>, caller: Caller) async throws -> View {
        try await register(try submission.validate(requiresLocation: false), table: .things, caller: caller)
    }

    public func searchPlaces(_ term: String, limit: Int = 50, caller: Caller) async throws -> [View] {
        try caller.staff.require(.viewBaseData)
        let (kind, prefix) = (platform.database.kind, caller.staff.jurisdiction.prefix)
        return try await platform.database.read { db in
            let ids = try await BaseDataSearch.ids(in: "places", matching: term, prefix: prefix,
                                                   limit: min(max(limit, 1), 200), on: db, kind: kind)
            return try await SiteRepository(db, kind: kind, table: .places).find(ids: ids)
        }.map { Self.view($0, PlaceKind(rawValue: $0.kind)?.chineseName) }
    }

    private func register<Kind>(_ site: ValidatedSite<Kind>, table: SiteRepository.Table, caller: Caller) async throws
        -> View
    {
        try caller.staff.require(.editBaseData)
        let gridCode = try await grid(of: site, caller)
        let nowMs = platform.clock.now().millisecondsSince1970
        var record = SiteRecord(
            name: site.name, kind: site.kind.rawValue, gridCode: gridCode, address: site.address,
            lat: site.location?.latitude, lon: site.location?.longitude, note: site.note, createdAt: nowMs)
        let kind = platform.database.kind
        record.id = try await platform.database.write { [record] db in
            let id = try await SiteRepository(db, kind: kind, table: table).insert(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: "\(table == .places ? "place" : "thing").create", objectType: table.rawValue,
                           objectID: String(id), summary: #"{"gridCode":"\#(gridCode)","kind":"\#(record.kind)"}"#),
                at: nowMs, in: db, kind: kind)
            return id
        }
        return Self.view(record, site.kind.chineseName)
    }

    /// The grid given, which must hold the location if there is one; else the grid the location is in.
    private func grid<Kind>(of site: ValidatedSite<Kind>, _ caller: Caller) async throws -> String {
        let atlas = try await platform.areaAtlas()
        let located = site.location.flatMap { atlas.locate($0)?.filing.gridCode }
        let code = site.gridCode?.rawValue ?? located
        guard let code, let node = atlas.node(code), node.level >= .grid, caller.staff.jurisdiction.contains(code) else {
            throw DomainError.validation([FieldError(field: "gridCode", code: "unknown", message: "辖区内没有该网格(或坐标不在任何网格内)")])
        }
        if let located, !located.hasPrefix(code), !code.hasPrefix(located) {
            throw DomainError.validation([FieldError(field: "latitude", code: "outside_grid", message: "位置坐标不在所选网格内")])
        }
        return code
    }

    static func view(_ record: SiteRecord, _ kindName: String?) -> View {
        View(id: record.id ?? 0, name: record.name, kind: kindName ?? record.kind, gridCode: record.gridCode,
             address: record.address, latitude: record.lat, longitude: record.lon)
    }
}
