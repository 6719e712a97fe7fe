import FengqiaoDomain
import FengqiaoStore
import Foundation

/// How a case came in, as staff see it: the channel's details (the caller's number masked) and the
/// first responder (首问负责) who registered it.
public struct CaseIntakeView: Sendable, Codable, Equatable {
    public var channel: String
    public var channelName: String
    public var visitors: Int?
    public var callerPhone: String?
    public var calledAt: Date?
    public var letterDate: String?
    public var firstResponder: String
    public var firstResponderAccount: Int64
    public var registeredAt: Date

    init(_ record: CaseIntakeRecord) {
        channel = record.channel
        channelName = Channel(rawValue: record.channel)?.chineseName ?? record.channel
        visitors = record.visitors
        callerPhone = record.callerPhoneMasked
        calledAt = record.calledAt.map { Date(millisecondsSince1970: $0) }
        letterDate = record.letterDate
        firstResponder = record.firstResponderName
        firstResponderAccount = record.firstResponderId
        registeredAt = Date(millisecondsSince1970: record.registeredAt)
    }
}
