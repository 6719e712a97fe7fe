import Foundation

/// How a matter came in at the reception desk, checked: the fields of its channel and nothing else.
public struct IntakeDetails: Sendable, Equatable {
    public var channel: Channel
    public var visitors: Int?
    public var callerPhone: PhoneNumber?
    public var calledAt: Date?
    /// `yyyy-MM-dd`.
    public var letterDate: String?

    public init(
        channel: Channel, visitors: Int? = nil, callerPhone: PhoneNumber? = nil, calledAt: Date? = nil,
        letterDate: String? = nil
    ) {
        self.channel = channel
        self.visitors = visitors
        self.callerPhone = callerPhone
        self.calledAt = calledAt
        self.letterDate = letterDate
    }

    /// When the matter came in: the call's time for a call; for a visit or a letter, the registration itself.
    public func reportedAt(registeredAt now: Date) -> Date { calledAt ?? now }
}
