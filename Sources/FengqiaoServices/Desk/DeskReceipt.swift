import FengqiaoDomain
import Foundation

/// The printable receipt (受理回执) of a case: its number and the requester's tracking code (一案一码),
/// how and when it came in and who took it in (首问负责). Phone numbers are masked.
public struct DeskReceipt: Sendable, Equatable {
    public struct Party: Sendable, Equatable {
        public var sideName: String
        public var kindName: String
        public var name: String
    }

    public var number: String
    /// Grouped for reading aloud (`ABCD-EFGH-…`).
    public var trackingCode: String
    public var channelName: String
    public var kindName: String
    public var category: String
    public var urgencyName: String
    public var stateName: String
    public var reportedAt: Date
    public var registeredAt: Date?
    public var firstResponder: String?
    public var visitors: Int?
    public var callerPhone: String?
    public var calledAt: Date?
    public var letterDate: String?
    public var description: String
    public var address: String?
    public var placeName: String
    public var peopleInvolved: Int
    public var amountInvolved: Int64?
    public var parties: [Party]
    public var pages: Int
    /// The case this one was merged into (a visit attached to an existing case).
    public var mergedInto: String?
}
