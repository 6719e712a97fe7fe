import Foundation

/// A row of `reports` (see `M021Reports`).
public struct ReportRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var number: String
    public var kind: String
    public var areaCode: String
    public var periodFrom: String
    public var periodTo: String
    public var topic: String?
    public var title: String
    /// JSON `ReportSnapshot`.
    public var snapshot: String
    public var createdBy: String
    public var createdAt: Int64
    public var scheduleKey: String?

    public init(id: Int64? = nil, number: String, kind: String, areaCode: String, periodFrom: String, periodTo: String,
                topic: String?, title: String, snapshot: String, createdBy: String, createdAt: Int64, scheduleKey: String?) {
        self.id = id
        self.number = number
        self.kind = kind
        self.areaCode = areaCode
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.topic = topic
        self.title = title
        self.snapshot = snapshot
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.scheduleKey = scheduleKey
    }
}
