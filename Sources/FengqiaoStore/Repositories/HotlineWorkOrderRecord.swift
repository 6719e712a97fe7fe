import Foundation

/// One row of `hotline_work_orders`: a work order, the case it became, and the status that goes back.
public struct HotlineWorkOrderRecord: Sendable, Hashable, Codable {
    public var workOrderNumber: String
    public var caseId: Int64
    public var batchId: Int64
    public var contentHash: String
    public var calledAt: Int64
    public var deadlineAt: Int64?
    public var requestType: String?
    public var state: String
    public var result: String?
    public var finishedAt: Int64?
    public var satisfaction: String?
    public var statusChangedAt: Int64
    public var createdAt: Int64

    public init(
        workOrderNumber: String, caseId: Int64, batchId: Int64, contentHash: String, calledAt: Int64, deadlineAt: Int64?,
        requestType: String?, state: String, result: String? = nil, finishedAt: Int64? = nil, satisfaction: String? = nil,
        statusChangedAt: Int64, createdAt: Int64
    ) {
        self.workOrderNumber = workOrderNumber
        self.caseId = caseId
        self.batchId = batchId
        self.contentHash = contentHash
        self.calledAt = calledAt
        self.deadlineAt = deadlineAt
        self.requestType = requestType
        self.state = state
        self.result = result
        self.finishedAt = finishedAt
        self.satisfaction = satisfaction
        self.statusChangedAt = statusChangedAt
        self.createdAt = createdAt
    }
}
