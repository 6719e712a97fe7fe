import Foundation

/// A petition in a list: who, what, where it stands and its next deadline.
public struct PetitionSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var caseNumber: String
    public var form: String
    public var formName: String
    public var state: String
    public var stateName: String
    public var receivedAt: Date
    /// The first petitioner's name.
    public var petitioner: String
    public var persons: Int
    public var collective: Bool
    public var repeated: Bool
    public var category: String
    /// The matter, shortened to 60 characters.
    public var excerpt: String
    /// The deadline of the clock still running, if any, and its colour.
    public var deadline: Date?
    public var deadlineName: String?
    public var clockStatus: String?
    public var clockStatusName: String?
    public var overdue: Bool
}
