import Foundation

/// At most `count` events per sliding `window` (seconds), written `10/hour`, `5/day`, `30/minute`.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    public var count: Int
    public var window: TimeInterval

    public init(count: Int, window: TimeInterval) {
        self.count = count
        self.window = window
    }

    /// Parses `N/minute`, `N/hour` or `N/day` (N ≥ 1); nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "/")
        guard parts.count == 2, let count = Int(parts[0]), count >= 1 else { return nil }
        switch parts[1] {
        case "minute", "min", "m": self.init(count: count, window: 60)
        case "hour", "h": self.init(count: count, window: 3600)
        case "day", "d": self.init(count: count, window: 86_400)
        default: return nil
        }
    }

    public var description: String {
        switch window {
        case 60: "\(count)/minute"
        case 3600: "\(count)/hour"
        case 86_400: "\(count)/day"
        default: "\(count)/\(Int(window))s"
        }
    }
}
