import SQLKit

/// Installation-wide named values (`platform_settings`).
public struct SettingsRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func value(_ name: String) async throws -> String? {
        try await db.select().column("value").from("platform_settings").where("name", .equal, name).first()?
            .decode(column: "value", as: String.self)
    }

    /// Stores `value` under `name` unless a value is already there; returns the stored value.
    public func setIfAbsent(_ name: String, to value: String) async throws -> String {
        try await db.raw("""
            INSERT INTO platform_settings (name, value) VALUES (\(bind: name), \(bind: value)) ON CONFLICT (name) DO NOTHING
            """).run()
        return try await self.value(name) ?? value
    }

    /// Stores `value` under `name`, replacing what was there.
    public func set(_ name: String, to value: String) async throws {
        try await db.raw("""
            INSERT INTO platform_settings (name, value) VALUES (\(bind: name), \(bind: value))
            ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value
            """).run()
    }
}
