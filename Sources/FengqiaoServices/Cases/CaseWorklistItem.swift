import FengqiaoDomain
import FengqiaoStore
import Foundation

/// One line of a worklist: where the case stands and how its clock runs; open it for the timeline.
public struct CaseWorklistItem: Sendable, Codable, Equatable {
    public var number: String
    public var state: String
    public var stateName: String
    public var kind: String
    public var category: String
    public var channel: String
    public var urgency: String
    public var areaCode: String
    public var gridCode: String?
    public var reportedAt: Date
    public var updatedAt: Date
    public var dueAt: Date?
    public var clockStatus: String
    public var supervision: String
    public var categoryName: String
    public var leadDepartmentId: Int64?
    public var leadDepartment: String?

    init(_ row: CaseListRepository.Row, departments: [Int64: String] = [:], categories: [String: String] = [:]) {
        categoryName = categories[row.category] ?? row.category
        leadDepartmentId = row.leadDepartmentId
        leadDepartment = row.leadDepartmentId.flatMap { departments[$0] }
        number = row.number
        state = row.state
        stateName = CaseState(rawValue: row.state)?.chineseName ?? row.state
        kind = row.kind
        category = row.category
        channel = row.channel
        urgency = row.urgency
        areaCode = row.areaCode
        gridCode = row.gridCode
        reportedAt = Date(millisecondsSince1970: row.reportedAt)
        updatedAt = Date(millisecondsSince1970: row.updatedAt)
        dueAt = row.dueAt.map { Date(millisecondsSince1970: $0) }
        clockStatus = row.clockStatus
        supervision = row.supervision
    }
}
