import FengqiaoDomain
import Foundation

/// A case on the worker's task list: what it is and whether it waits for their on-site verification (核查).
public struct FieldTask: Sendable, Codable, Equatable {
    public var number: String
    public var state: String
    public var stateName: String
    public var categoryName: String
    public var gridCode: String?
    public var urgency: String
    public var reportedAt: Date
    public var dueAt: Date?
    public var clockStatus: String
    public var needsVerification: Bool

    init(_ item: CaseWorklistItem) {
        number = item.number
        state = item.state
        stateName = item.stateName
        categoryName = item.categoryName
        gridCode = item.gridCode
        urgency = item.urgency
        reportedAt = item.reportedAt
        dueAt = item.dueAt
        clockStatus = item.clockStatus
        needsVerification = item.state == CaseState.handled.rawValue
    }
}
