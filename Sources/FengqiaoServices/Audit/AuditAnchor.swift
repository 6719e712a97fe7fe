import FengqiaoStore
import Foundation
import SQLKit

/// Where the log begins after a retention purge: the id and hash of the last purged record. It is
/// kept in `platform_settings`; the verifier starts from it and requires a signed checkpoint for it,
/// so an anchor set by hand (to hide deleted records) does not verify.
public struct AuditAnchor: Sendable, Equatable, Codable {
    public var id: Int64
    public var hash: String

    public init(id: Int64, hash: String) {
        self.id = id
        self.hash = hash
    }

    static let settingName = "audit_anchor"

    /// The stored anchor, nil when nothing was ever purged; throws `AuditAnchorUnreadable` when the
    /// setting holds something else.
    public static func load(from db: any SQLDatabase) async throws -> AuditAnchor? {
        guard let text = try await SettingsRepository(db).value(settingName) else { return nil }
        guard let anchor = try? JSONDecoder().decode(AuditAnchor.self, from: Data(text.utf8)) else {
            throw AuditAnchorUnreadable()
        }
        return anchor
    }

    func store(in db: any SQLDatabase) async throws {
        try await SettingsRepository(db).set(Self.settingName, to: #"{"id":\#(id),"hash":"\#(hash)"}"#)
    }
}

/// The stored retention anchor is not an `{"id":…,"hash":…}` object.
public struct AuditAnchorUnreadable: Error, Sendable {}
