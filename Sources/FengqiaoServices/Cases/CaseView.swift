import FengqiaoDomain
import Foundation

/// A case as staff see it through the engine: where it stands, who works on it, and its timeline.
/// Contacts are masked; nothing here reveals a personal identifier.
public struct CaseView: Sendable, Codable, Equatable {
    public struct Part: Sendable, Codable, Equatable {
        public var department: Int64
        public var name: String?
        public var status: String
        public var statusName: String
    }

    public struct Party: Sendable, Codable, Equatable {
        public var side: String
        /// `person` or `organization` (nil only in answers kept from before parties had a kind).
        public var kind: String?
        public var name: String
        public var phone: String?
    }

    /// One clock of the case as the clock book last wrote it (the scan refreshes colours each minute).
    public struct Clock: Sendable, Codable, Equatable {
        /// `acceptance`, `dispatch`, `signFor`, `handling`, `verification`, `reply`, `revisit`, `tier`, `checkIn`.
        public var kind: String
        public var kindName: String
        /// The department whose clock it is; nil for the case's own.
        public var department: Int64?
        public var departmentName: String?
        public var startedAt: Date
        /// The deadline as it stands (moved on by pauses and approved extensions).
        public var deadline: Date
        public var stoppedAt: Date?
        /// `running`, `warning`, `overdue` while open; `met` or `missed` once stopped.
        public var status: String
        public var statusName: String
        /// The limit as written: `3个工作日`, `30分钟`.
        public var limit: String
        public var paused: Bool
    }

    /// One 吹哨 and where each summoned department stands.
    public struct WhistleCall: Sendable, Codable, Equatable {
        public struct Summons: Sendable, Codable, Equatable {
            public var department: Int64
            public var name: String?
            /// `pending` (not yet due), `missed` (due and not checked in), `checkedIn`, `late` (checked in
            /// after the due time).
            public var state: String
            public var stateName: String
            public var checkedInAt: Date?
        }

        public var number: Int
        public var blownAt: Date
        public var checkInDue: Date
        public var departments: [Summons]
    }

    /// One 催办 / 督办 / 挂牌督办 and its answer.
    public struct SupervisionOrder: Sendable, Codable, Equatable {
        public var number: Int
        public var kind: String
        public var kindName: String
        public var note: String
        public var issuedAt: Date
        public var responseDue: Date?
        public var response: String?
        public var respondedAt: Date?
        /// `open`, `overdue` (due and unanswered), `answered`, `late` (answered after the due time), `noted`
        /// (a reminder, which needs no answer).
        public var state: String
        public var stateName: String
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var type: String
        public var label: String
        public var actor: String
        public var at: Date
        /// The note the requester may see (public progress, rejection reason, reply, rating).
        public var note: String?
    }

    public var number: String
    public var state: String
    public var stateName: String
    public var kind: String
    public var category: String
    public var urgency: String
    public var tier: String
    public var tierName: String
    public var version: Int
    public var areaCode: String
    public var gridCode: String?
    public var description: String
    public var contactName: String?
    public var contactPhone: String?
    /// 涉及金额 in whole yuan, when one was given.
    public var amountInvolved: Int64?
    public var parties: [Party]
    public var lead: Part?
    public var assisting: [Part]
    public var deadline: Date?
    public var returned: Bool
    public var pendingExtension: Date?
    public var reply: String?
    public var satisfaction: String?
    public var satisfactionName: String?
    /// False for cases imported with a legacy history: they are shown, not worked on.
    public var workable: Bool
    public var timeline: [Entry]
    /// The files attached to the case, oldest first (nil only in answers kept from before attachments were listed).
    public var attachments: [CaseAttachmentView]?
    /// Only in the answer to registering a case: the cases it may duplicate (查重), best first.
    public var duplicates: [CaseDuplicate]?
    /// The SLA state per stage, the tier deadline and each check-in, in the order the clocks started
    /// (optional only so that answers kept for retries before they existed still decode).
    public var clocks: [Clock]?
    public var whistles: [WhistleCall]?
    public var supervisions: [SupervisionOrder]?
    /// How the case came in at the desk or from a grid worker, and its first responder (首问负责).
    public var intake: CaseIntakeView?
}
