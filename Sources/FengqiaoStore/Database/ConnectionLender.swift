/// Lends a fixed set of connections out one caller at a time, queueing callers in order when all are out.
actor ConnectionLender<Connection: Sendable> {
    private var idle: [Connection]
    private var waiters: [CheckedContinuation<Connection, Never>] = []
    private(set) var capacity: Int
    private var closed = false

    init(_ connections: [Connection]) {
        self.idle = connections
        self.capacity = connections.count
    }

    var inUse: Int { capacity - idle.count }

    /// A connection, waiting for one when all are out; throws once the lender is closed.
    func borrow() async throws -> Connection {
        guard !closed else { throw StoreError.closed }
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

    /// Refuses new borrowers, waits for borrowed connections to come back, and hands all of them
    /// over to be closed.
    func drain() async -> [Connection] {
        closed = true
        var all = idle
        idle = []
        while all.count < capacity { all.append(await withCheckedContinuation { waiters.append($0) }) }
        capacity = 0
        return all
    }

    func lend<T: Sendable>(_ body: @Sendable (Connection) async throws -> T) async throws -> T {
        let connection = try await borrow()
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
