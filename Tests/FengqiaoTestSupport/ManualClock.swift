import FengqiaoServices
import Foundation
import Synchronization

/// A clock that tests move forward by hand (idle timeouts, lockouts, deadlines).
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    public init(_ start: Date = TestPlatform.referenceDate) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(minutes: Double) {
        current.withLock { $0 = $0.addingTimeInterval(minutes * 60) }
    }
}
