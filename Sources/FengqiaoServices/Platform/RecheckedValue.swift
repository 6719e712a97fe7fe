import Foundation
import Synchronization

/// A value loaded from the database and kept for `recheckInterval`: what this instance saves applies
/// at once (`remember`, `forget`); what another instance saves (several servers on one PostgreSQL) is
/// read at most `recheckInterval` later. The security policy and the holiday calendar use one each.
public final class RecheckedValue<Value: Sendable>: Sendable {
    let recheckInterval: TimeInterval
    private let state = Mutex<(value: Value, loadedAt: Date)?>(nil)

    public init(recheckInterval: TimeInterval) { self.recheckInterval = recheckInterval }

    /// The value at `now`: the kept one while fresh, else what `load` reads (then kept).
    func value(at now: Date, load: () async throws -> Value) async throws -> Value {
        let kept = state.withLock { state -> Value? in
            guard let state, abs(now.timeIntervalSince(state.loadedAt)) < recheckInterval else { return nil }
            return state.value
        }
        if let kept { return kept }
        let loaded = try await load()
        remember(loaded, at: now)
        return loaded
    }

    /// Keeps `value` as loaded at `now` (after this instance saved it).
    func remember(_ value: Value, at now: Date) {
        state.withLock { $0 = (value, now) }
    }

    /// Drops the kept value, so the next read loads it.
    func forget() {
        state.withLock { $0 = nil }
    }
}
