import Foundation

/// How a case came in and who took it in (`case_intake`): one row per case registered at the desk or
/// reported by a grid worker.
public struct CaseIntakeRecord: Sendable, Codable, Equatable {
    public var caseId: Int64
    public var channel: String
    public var visitors: Int?
    public var callerPhoneCipher: String?
    public var callerPhoneMasked: String?
    public var calledAt: Int64?
    /// `yyyy-MM-dd`.
    public var letterDate: String?
    /// 首问负责: the account that registered the case, and its name then.
    public var firstResponderId: Int64
    public var firstResponderName: String
    public var registeredAt: Int64

    public init(
        caseId: Int64, channel: String, visitors: Int? = nil, callerPhoneCipher: String? = nil,
        callerPhoneMasked: String? = nil, calledAt: Int64? = nil, letterDate: String? = nil, firstResponderId: Int64,
        firstResponderName: String, registeredAt: Int64
    ) {
        self.caseId = caseId
        self.channel = channel
        self.visitors = visitors
        self.callerPhoneCipher = callerPhoneCipher
        self.callerPhoneMasked = callerPhoneMasked
        self.calledAt = calledAt
        self.letterDate = letterDate
        self.firstResponderId = firstResponderId
        self.firstResponderName = firstResponderName
        self.registeredAt = registeredAt
    }
}
