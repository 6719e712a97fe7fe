import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// How hotline files are read (the column-mapping profiles) and how their 诉求类型 are filed (the type
/// table and its fallback). The hotline desk keeps them — whoever imports work orders (`importData`
/// and `acceptCases`); every change is audited with the values before and after.
public struct HotlineSettings: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    static let fallbackSetting = "hotline.type_fallback"

    /// Throws unless `caller` may import work orders (and so keep their settings).
    static func requireDesk(_ caller: Caller) throws(DomainError) {
        try caller.staff.require(.importData)
        try caller.staff.require(.acceptCases)
    }

    /// Every profile, the standard one first, then by name.
    public func profiles(caller: Caller) async throws -> [HotlineColumnMapping] {
        try Self.requireDesk(caller)
        return try await platform.database.read { db in try await Self.profiles(in: db) }
    }

    /// The current mapping of 诉求类型.
    public func typeMapping(caller: Caller) async throws -> HotlineTypeMapping {
        try Self.requireDesk(caller)
        return try await platform.database.read { db in try await Self.typeMapping(in: db) }
    }

    /// Stores `profile` (a new one, or a change of one of that name), audited `hotline.profile_save`.
    public func save(_ profile: HotlineColumnMapping, caller: Caller) async throws {
        try Self.requireDesk(caller)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let json = try Self.json(profile)
        try await platform.database.write { db in
            let settings = HotlineSettingsRepository(db)
            let before = try await Self.profile(named: profile.name, in: db)
            try await settings.saveProfile(name: profile.name, columns: json, at: now)
            try await AuditTrail.append(
                AuditEntry(caller, action: "hotline.profile_save", objectType: "hotline_profile",
                           objectID: String(profile.name.prefix(100)),
                           summary: #"{"after":\#(json),"before":\#(try before.map(Self.json) ?? "null")}"#),
                at: now, in: db, kind: kind)
        }
    }

    /// Replaces the type table and its fallback, audited `hotline.types_save`.
    public func save(_ mapping: HotlineTypeMapping, caller: Caller) async throws {
        try Self.requireDesk(caller)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            let before = try await Self.typeMapping(in: db)
            try await HotlineSettingsRepository(db).replaceTypeMappings(
                mapping.entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value.kind.rawValue, $0.value.category) })
            try await SettingsRepository(db).set(Self.fallbackSetting, to: mapping.fallback?.text ?? "")
            try await AuditTrail.append(
                AuditEntry(caller, action: "hotline.types_save", objectType: "hotline_types", objectID: "诉求类型对应表",
                           summary: AuditEntry.summary([
                               "entriesBefore": before.entries.count, "fallbackBefore": before.fallback?.text ?? "",
                               "entriesAfter": mapping.entries.count, "fallbackAfter": mapping.fallback?.text ?? "",
                           ])),
                at: now, in: db, kind: kind)
        }
    }

    // MARK: - Reading, inside a transaction

    static func profiles(in db: any SQLDatabase) async throws -> [HotlineColumnMapping] {
        var stored = try await HotlineSettingsRepository(db).profiles()
        let standard = stored.removeValue(forKey: HotlineColumnMapping.standardName)
            .flatMap { mapping(HotlineColumnMapping.standardName, json: $0) } ?? .standard
        return [standard] + stored.keys.sorted().compactMap { name in stored[name].flatMap { mapping(name, json: $0) } }
    }

    /// The profile named `name` (the standard one when it was never changed), nil for an unknown name.
    static func profile(named name: String, in db: any SQLDatabase) async throws -> HotlineColumnMapping? {
        if let json = try await HotlineSettingsRepository(db).profile(named: name) { return mapping(name, json: json) }
        return name == HotlineColumnMapping.standardName ? .standard : nil
    }

    static func typeMapping(in db: any SQLDatabase) async throws -> HotlineTypeMapping {
        var entries: [String: HotlineTypeMapping.Target] = [:]
        for (type, target) in try await HotlineSettingsRepository(db).typeMappings() {
            guard let kind = CaseKind(rawValue: target.kind) else { continue }
            entries[type] = .init(kind: kind, category: target.category)
        }
        let fallback = try await SettingsRepository(db).value(fallbackSetting).flatMap(HotlineTypeMapping.target(named:))
        return HotlineTypeMapping(entries: entries, fallback: fallback)
    }

    static func json(_ profile: HotlineColumnMapping) throws -> String {
        var object: [String: [String]] = [:]
        for field in HotlineField.allCases { object[field.rawValue] = profile.names(for: field) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(object), as: UTF8.self)
    }

    static func mapping(_ name: String, json: String) -> HotlineColumnMapping? {
        guard let object = try? JSONDecoder().decode([String: [String]].self, from: Data(json.utf8)) else { return nil }
        var names: [HotlineField: [String]] = [:]
        for field in HotlineField.allCases { names[field] = object[field.rawValue] ?? [] }
        return HotlineColumnMapping(name: name, names: names)
    }
}
