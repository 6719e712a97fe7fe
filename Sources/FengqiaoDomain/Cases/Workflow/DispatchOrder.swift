import Foundation

/// A dispatch (指挥派遣) to a lead department and assisting departments. The caller computes the dates
/// from the business calendar: `deadline` for handling, `returnWindowEnds` until which the lead may
/// return the case (e.g. 2 working hours), and `presetDeadline`, the deadline the category's preset
/// gives; a `deadline` that differs from the preset needs `overrideReason`.
public struct DispatchOrder: Sendable, Hashable, Codable {
    public var lead: Int64
    public var assisting: [Int64]
    public var deadline: Date
    public var returnWindowEnds: Date
    public var presetDeadline: Date?
    public var overrideReason: String?

    public init(
        lead: Int64, assisting: [Int64] = [], deadline: Date, returnWindowEnds: Date, presetDeadline: Date? = nil,
        overrideReason: String? = nil
    ) {
        self.lead = lead
        self.assisting = assisting
        self.deadline = deadline
        self.returnWindowEnds = returnWindowEnds
        self.presetDeadline = presetDeadline
        self.overrideReason = overrideReason
    }

    /// The departments' parts as sent: lead first, each still to be signed for.
    public var parts: [DepartmentPart] {
        [DepartmentPart(department: lead, role: .lead)]
            + assisting.map { DepartmentPart(department: $0, role: .assisting) }
    }
}
