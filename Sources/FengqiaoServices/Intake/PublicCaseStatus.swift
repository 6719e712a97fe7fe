import FengqiaoDomain
import Foundation

/// What anyone holding a tracking code may see: the case's progress and the answers meant for the
/// requester (public progress notes, the closing reply), never another party's data or who handled it.
public struct PublicCaseStatus: Sendable, Codable, Equatable {
    public struct Step: Sendable, Codable, Equatable {
        public var at: Date
        public var state: CaseState
        public var stateName: String
    }

    /// An answer to the requester: `label` says what it is (结案答复, 办理进展, 不予立案 …).
    public struct Reply: Sendable, Codable, Equatable {
        public var at: Date
        public var label: String
        public var text: String
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
    public var replies: [Reply]
    /// The latest rating (回访满意度), by the requester or taken by phone.
    public var satisfaction: Satisfaction?
    /// True while the case is closed and waits for the requester's rating.
    public var canRate: Bool
}
