import FengqiaoDomain
import Foundation

/// A page of stored reports inside the jurisdiction, newest first.
public struct ReportListPage: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        public var number: String
        public var kind: ReportKind
        public var title: String
        public var areaCode: String
        public var areaName: String
        public var from: String
        public var to: String
        public var createdBy: String
        public var createdAt: Date
        public var scheduled: Bool
    }

    public var items: [Item]
    /// The `before` of the next page; nil on the last.
    public var next: String?
    /// Whether the reader may make reports on demand.
    public var mayGenerate: Bool
}
