import FengqiaoDomain
import Foundation

/// What anyone holding a tracking code may see: the case's progress, never another party's data.
public struct PublicCaseStatus: Sendable, Codable, Equatable {
    public struct Step: Sendable, Codable, Equatable {
        public var at: Date
        public var state: CaseState
        public var stateName: String
    }

    public var number: String
    public var trackingCode: String
    public var kindName: String
    public var category: String
    public var state: CaseState
    public var stateName: String
    public var reportedAt: Date
    public var updatedAt: Date
    public var steps: [Step]
}
