import FengqiaoStore
import Foundation
import SQLKit
import Synchronization

/// Holds the current `AreaAtlas`. Changes made through this instance invalidate it at once; changes
/// made by other instances (several web servers on one PostgreSQL) are noticed through the
/// `map_version` setting, which is read at most every `recheckInterval`.
public final class AreaAtlasCache: Sendable {
    struct State {
        var atlas: AreaAtlas?
        var version: String?
        var checkedAt: Date = .distantPast
    }

    static let versionSetting = "map_version"
    let recheckInterval: TimeInterval
    private let state = Mutex(State())

    public init(recheckInterval: TimeInterval = 5) { self.recheckInterval = recheckInterval }

    /// The current atlas, loading it when there is none or the map changed.
    public func atlas(from database: any Database) async throws -> AreaAtlas {
        let now = Date()
        let cached = state.withLock { state -> (AreaAtlas, String?)? in
            guard let atlas = state.atlas else { return nil }
            return now.timeIntervalSince(state.checkedAt) < recheckInterval ? (atlas, nil) : (atlas, state.version ?? "")
        }
        if let (atlas, knownVersion) = cached {
            guard let knownVersion else { return atlas }
            let current = try await database.read { try await SettingsRepository($0).value(Self.versionSetting) }
            if (current ?? "") == knownVersion {
                state.withLock { $0.checkedAt = now }
                return atlas
            }
        }
        let (records, version) = try await database.read { db in
            (try await AreaRepository(db).allActive(), try await SettingsRepository(db).value(Self.versionSetting))
        }
        let atlas = AreaAtlas(records)
        state.withLock { $0 = State(atlas: atlas, version: version ?? "", checkedAt: now) }
        return atlas
    }

    /// Forgets the atlas; the next request loads the map anew.
    public func invalidate() {
        state.withLock { $0 = State() }
    }

    /// Records in the database that the map changed (inside the transaction making the change), so
    /// every instance reloads.
    public static func markChanged(in db: any SQLDatabase) async throws {
        try await SettingsRepository(db).set(versionSetting, to: UUID().uuidString)
    }
}
