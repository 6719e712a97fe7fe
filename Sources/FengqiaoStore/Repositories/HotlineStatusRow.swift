import Foundation

/// A work order with its case's number and area, for the status export.
public struct HotlineStatusRow: Sendable, Hashable, Codable {
    public var workOrderNumber: String
    public var caseNumber: String
    public var areaCode: String
    public var calledAt: Int64
    public var deadlineAt: Int64?
    public var state: String
    public var result: String?
    public var finishedAt: Int64?
    public var satisfaction: String?
}
