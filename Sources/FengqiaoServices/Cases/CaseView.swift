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
        public var name: String
        public var phone: String?
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
}
