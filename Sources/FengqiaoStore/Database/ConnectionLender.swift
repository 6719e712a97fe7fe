/// Lends a fixed set of connections out one caller at a time, queueing callers in order when all are out.
actor ConnectionLender<Connection: Sendable> {
    private var idle: [Connection]
    private var waiters: [CheckedContinuation<Connection, Never>] = []
    private(set) var capacity: Int

    init(_ connections: [Connection]) {
        self.idle = connections
        self.capacity = connections.count
    }

    var inUse: Int { capacity - idle.count }

    func borrow() async -> Connection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func giveBack(_ connection: Connection) {
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    /// Takes every connection back (waiting for borrowed ones) so they can be closed.
    func drain() async -> [Connection] {
        var all: [Connection] = []
        while all.count < capacity { all.append(await borrow()) }
        capacity = 0
        return all
    }

    func lend<T: Sendable>(_ body: @Sendable (Connection) async throws -> T) async throws -> T {
        let connection = await borrow()
        do {
            let result = try await body(connection)
            giveBack(connection)
            return result
        } catch {
            giveBack(connection)
            throw error
        }
    }
}
