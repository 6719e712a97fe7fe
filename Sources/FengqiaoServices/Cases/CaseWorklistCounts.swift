import Foundation

/// How many cases each worklist holds, for the 待办 home. `department` is nil for anyone who is not
/// department staff (the list is theirs alone). `missedCheckIns` counts the cases in the caller's
/// jurisdiction where a summoned department checked in late or has not checked in by its deadline
/// (for department staff: where their own department did).
public struct CaseWorklistCounts: Sendable, Codable, Equatable {
    public var mine: Int
    public var department: Int?
    public var overdue: Int
    public var verification: Int
    public var revisit: Int
    public var all: Int
    public var missedCheckIns: Int

    enum CodingKeys: String, CodingKey { case mine, department, overdue, verification, revisit, all, missedCheckIns }

    /// `department` is written as `null` rather than left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mine, forKey: .mine)
        try container.encode(department, forKey: .department)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(verification, forKey: .verification)
        try container.encode(revisit, forKey: .revisit)
        try container.encode(all, forKey: .all)
        try container.encode(missedCheckIns, forKey: .missedCheckIns)
    }
}
