import FengqiaoDomain
import Foundation

/// A petition as whoever may read it sees it: identifiers masked, the statutory clocks as of the request,
/// the earlier petitions by the same people that the reader may see, and the documents it has.
public struct PetitionView: Sendable, Codable, Equatable {
    public struct Petitioner: Sendable, Codable, Equatable {
        public var position: Int
        public var name: String
        public var idNumber: String?
        public var phone: String?
        /// The registered resident with the same 公民身份号码, when the reader may see them.
        public var personId: Int64?
    }

    /// One statutory clock: its limit, deadline and colour.
    public struct Clock: Sendable, Codable, Equatable {
        /// `acceptance`, `handling`, `review`, `reReview`.
        public var kind: String
        public var kindName: String
        /// `15个工作日`, `60个工作日` (+ the extension).
        public var limit: String
        public var startedAt: Date
        public var deadline: Date
        public var stoppedAt: Date?
        /// `running`, `warning`, `overdue`; `met` or `missed` once stopped.
        public var status: String
        public var statusName: String
    }

    public struct Extension: Sendable, Codable, Equatable {
        /// `pending`, `approved`, `denied`.
        public var state: String
        public var stateName: String
        public var days: Int
        public var reason: String
        public var requestedAt: Date
        public var requestedBy: String
        public var decidedAt: Date?
        public var decidedBy: String?
        public var denialReason: String?
    }

    /// A review (复查) or re-review (复核): the request and, once given, the opinion.
    public struct Review: Sendable, Codable, Equatable {
        public var request: String
        public var requestedAt: Date
        public var result: String?
        public var resultName: String?
        public var opinion: String?
        public var decidedAt: Date?
        public var decidedBy: String?
    }

    public var id: Int64
    public var caseNumber: String
    public var caseState: String?
    public var caseStateName: String?
    public var form: String
    public var formName: String
    public var state: String
    public var stateName: String
    public var placeCode: String
    public var placeName: String
    public var category: String
    public var description: String
    public var respondentOrgan: String?
    /// 人次.
    public var persons: Int
    /// 集体访.
    public var collective: Bool
    /// 重复信访: the same people petitioned before.
    public var repeated: Bool
    public var receivedAt: Date
    public var registeredAt: Date
    public var registeredBy: String
    public var firstResponder: String
    public var petitioners: [Petitioner]
    public var earlier: [PetitionSummary]
    /// Earlier petitions by the same people outside the reader's jurisdiction (counted, not shown).
    public var earlierElsewhere: Int
    public var decision: String?
    public var decisionName: String?
    public var decisionReason: String?
    public var noticeChannel: String?
    public var noticeChannelName: String?
    public var decidedAt: Date?
    public var decidedBy: String?
    public var `extension`: Extension?
    public var reply: String?
    public var replyChannelName: String?
    public var repliedAt: Date?
    public var repliedBy: String?
    public var review: Review?
    public var reReview: Review?
    /// The last moments to request a review / re-review, once the reply / review opinion was given.
    public var reviewWindowEnds: Date?
    public var reReviewWindowEnds: Date?
    /// Whether a review / re-review may still be requested now.
    public var reviewWindowOpen: Bool
    public var reReviewWindowOpen: Bool
    public var clocks: [Clock]
    /// Whether a running clock is past its deadline.
    public var overdue: Bool
    /// The documents that can be printed: `notice` (受理/不予受理/不再受理告知书), `reply` (答复意见书).
    public var documents: [PetitionDocumentKind]
    public var version: Int
}
