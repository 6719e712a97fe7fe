import Foundation

/// What the report form asks for, as typed: the kind, the area (the jurisdiction when empty), the day a
/// 日报/周报/月报 is for (`from`; its week or month for the latter two), a 专报's period (`from`–`to`) and topic
/// category.
public struct ReportRequest: Sendable, Equatable {
    public var kind: String?
    public var area: String?
    public var from: String?
    public var to: String?
    public var category: String?

    public init(kind: String?, area: String? = nil, from: String?, to: String? = nil, category: String? = nil) {
        self.kind = kind
        self.area = area
        self.from = from
        self.to = to
        self.category = category
    }
}
