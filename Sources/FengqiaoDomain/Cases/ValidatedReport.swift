import Foundation

/// A report that passed validation: every field typed and within limits.
public struct ValidatedReport: Sendable, Equatable {
    public var channel: Channel
    public var kind: CaseKind
    public var category: String
    public var description: String
    public var address: String?
    public var location: Coordinate?
    public var gridCode: AreaCode?
    public var contactName: String?
    public var contactPhone: PhoneNumber?
    public var idempotencyKey: String?
}
