import Foundation

/// Where a clock stands at one instant: the colour the jobs module shows and counts.
public enum ClockStatus: Sendable, Hashable {
    /// Under 80% of the limit used (`fraction` in 0..<0.8).
    case running(fraction: Double)
    /// At least 80% used and the deadline not yet passed (黄灯); `fraction` in 0.8...1.
    case warning(fraction: Double)
    /// The deadline has passed and the clock still runs or is paused (红灯).
    case overdue
    /// The stage ended; `onTime` when it ended no later than its deadline.
    case stopped(onTime: Bool)

    /// The share of the limit at which a clock turns yellow: 4/5.
    public static let warningNumerator: Int64 = 4
    public static let warningDenominator: Int64 = 5

    public var chineseName: String {
        switch self {
        case .running: "正常"
        case .warning: "即将超时"
        case .overdue: "已超时"
        case .stopped(let onTime): onTime ? "按时办结" : "超时办结"
        }
    }

    /// green / yellow / red, for styles and counters.
    public var colour: String {
        switch self {
        case .running: "green"
        case .warning: "yellow"
        case .overdue: "red"
        case .stopped(let onTime): onTime ? "green" : "red"
        }
    }
}
