import FengqiaoStore

/// Whether the database answers, and how busy its connections are (`/readyz`, `/metrics`).
public struct DatabaseHealth: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// Throws unless the database answers a trivial query.
    public func check() async throws { try await platform.database.ping() }

    public func connections() async -> (inUse: Int, capacity: Int) {
        let usage = await platform.database.poolUsage()
        return (usage.inUse, usage.capacity)
    }
}
