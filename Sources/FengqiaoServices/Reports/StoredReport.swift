import FengqiaoDomain
import Foundation

/// A stored report: its number, when and by whom it was made, and its figures.
public struct StoredReport: Sendable, Codable, Equatable {
    public var number: String
    public var title: String
    public var createdBy: String
    public var createdAt: Date
    public var scheduled: Bool
    public var snapshot: ReportSnapshot
}
