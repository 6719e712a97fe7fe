import FengqiaoDomain
import Foundation

/// What a reporter gets back: the case number, the tracking code to follow it, and its state.
public struct ReportReceipt: Sendable, Codable, Equatable {
    public var number: String
    public var trackingCode: String
    public var state: CaseState
    public var stateName: String
    /// The area the case was filed under (a grid's village, or the city centre when unplaced).
    public var areaCode: String
    public var gridCode: String?
    public var reportedAt: Date
    /// True when this answers a repeated submission with the same idempotency key.
    public var replayed: Bool
}
