import Foundation

/// One 吹哨: departments summoned to a case, each to check in (报到) by `checkInDue`.
public struct Whistle: Sendable, Hashable, Codable {
    /// 1 for the case's first whistle, then counting up.
    public var number: Int
    public var departments: [Int64]
    public var checkInDue: Date
    public var blownAt: Date
    public var checkIns: [Int64: WhistleCheckIn]

    public init(
        number: Int, departments: [Int64], checkInDue: Date, blownAt: Date, checkIns: [Int64: WhistleCheckIn] = [:]
    ) {
        self.number = number
        self.departments = departments
        self.checkInDue = checkInDue
        self.blownAt = blownAt
        self.checkIns = checkIns
    }

    /// Summoned departments that have not checked in yet.
    public var pendingDepartments: [Int64] { departments.filter { checkIns[$0] == nil } }

    /// Open while a summoned department has still to check in.
    public var isOpen: Bool { !pendingDepartments.isEmpty }

    /// Check-ins after the deadline.
    public var lateCheckIns: Int { checkIns.values.filter(\.late).count }
}
