import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Duty rosters of the rotating (轮驻) departments: each team takes turns a calendar week at a time
/// (`DutyRoster.weeklyRotation`) from 4 weeks before the reference time to 8 weeks after it, so the
/// centre pages show who is on duty today, who was and who will be.
struct DemoDutyRosterBuilder {
    static let weeksBefore = 4
    static let weeksAfter = 8

    let teams: [DemoStaffBuilder.RosterTeam]
    let nowMs: Int64

    /// The first and last Beijing day the rosters cover.
    var window: (first: String, last: String) {
        let day = DemoCaseCalendar.dayMs
        return (
            ChinaTime.dayString(Date(millisecondsSince1970: nowMs - Int64(7 * Self.weeksBefore) * day)),
            ChinaTime.dayString(Date(millisecondsSince1970: nowMs + Int64(7 * Self.weeksAfter) * day))
        )
    }

    /// The `duty_rosters` inserts and how many entries they hold.
    func build() throws -> (statements: [String], count: Int) {
        let (first, last) = window
        // Calendar arithmetic is slow on Linux: rotate placeholder members 0..<n once per team size and
        // map each team onto that pattern.
        var patterns: [Int: [(day: String, member: Int)]] = [:]
        var buffer = DemoSQLBuffer(table: "duty_rosters", columns: ["department_id", "day", "account_id"])
        for team in teams {
            let size = team.members.count
            if patterns[size] == nil {
                let placeholders = (0..<size).map { DutyRoster.Member(accountID: Int64($0), name: "值班\($0 + 1)") }
                patterns[size] = try DutyRoster.weeklyRotation(of: placeholders, from: first, through: last).entries
                    .map { ($0.day, Int($0.member.accountID)) }
            }
            for entry in patterns[size] ?? [] {
                buffer.beginRow()
                buffer.add(team.department)
                buffer.add(entry.day)
                buffer.add(team.members[entry.member].accountID)
                buffer.endRow()
            }
        }
        return (try buffer.finish(), buffer.rowCount)
    }
}
