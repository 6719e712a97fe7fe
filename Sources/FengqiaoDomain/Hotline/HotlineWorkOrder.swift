import Foundation

/// A work order whose own cells are valid: the number, the call time and the deadline read, the phone
/// number well formed. What the case itself needs (content length, address, the call time not in the
/// future) the case engine checks when the order becomes a case.
public struct HotlineWorkOrder: Sendable, Equatable {
    public var number: String
    public var calledAt: Date
    public var requester: String?
    public var phone: PhoneNumber?
    public var content: String
    public var address: String?
    public var requestType: String?
    public var deadline: Date?

    /// The order's content in one canonical line, for telling a re-sent order from a changed one.
    /// Times count to the second; text as trimmed.
    public var canonicalText: String {
        [
            number, String(Int64(calledAt.timeIntervalSince1970)), requester ?? "", phone?.rawValue ?? "", content,
            address ?? "", requestType ?? "", deadline.map { String(Int64($0.timeIntervalSince1970)) } ?? "",
        ].map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }.joined(separator: "\u{1F}")
    }
}
