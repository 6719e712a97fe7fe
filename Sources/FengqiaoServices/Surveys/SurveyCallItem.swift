import FengqiaoDomain
import Foundation

/// One number of a call list, masked.
public struct SurveyCallItem: Sendable, Hashable {
    public var id: Int64
    public var township: String
    /// 办结案件 or 居民.
    public var subject: String
    public var maskedPhone: String
    public var status: SurveyItemStatus
    public var attempts: Int
}
