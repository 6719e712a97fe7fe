import FengqiaoDomain
import Foundation

/// A mediation case as staff see it: parties masked, its sessions and referrals, and where its case
/// stands on the ladder (tier, attempts made there and allowed).
public struct MediationCaseView: Sendable, Codable, Equatable {
    public struct Party: Sendable, Codable, Equatable {
        public var side: String
        public var sideName: String
        public var kind: String
        public var kindName: String
        public var name: String
        /// Masked only.
        public var phone: String?
    }

    public struct Session: Sendable, Codable, Equatable {
        public var number: Int
        public var at: Date
        public var place: String
        public var attendees: String
        public var notes: String?
        /// nil while the session is planned.
        public var outcome: String?
        public var outcomeName: String?
        public var planned: Bool
        /// The ladder tier the attempt counted on, and its number there.
        public var tier: String?
        public var tierName: String?
        public var attemptNumber: Int?
        /// Whether this attempt used up the tier and moved the case one tier up.
        public var escalated: Bool
        public var recordedBy: String
    }

    public struct Referral: Sendable, Codable, Equatable {
        public var id: Int64
        public var direction: String
        public var directionName: String
        public var kind: String
        public var kindName: String
        public var partnerName: String
        public var counterpart: String
        public var reference: String?
        public var note: String?
        public var state: String
        public var stateName: String
        public var sentOn: String
        public var reply: String?
        public var repliedOn: String?
        public var finished: Bool
    }

    /// The engine case every mediation belongs to.
    public struct LinkedCase: Sendable, Codable, Equatable {
        public var number: String
        public var state: String
        public var stateName: String
        public var tier: String?
        public var tierName: String?
        public var attemptsAtTier: Int?
        public var attemptLimit: Int?
    }

    public var number: String
    public var state: String
    public var stateName: String
    public var stateReason: String?
    /// `direct`, `case` (转调解) or `referral` (六调联动转入).
    public var source: String
    public var sourceName: String
    public var areaCode: String
    public var areaName: String?
    public var organizationId: Int64
    public var organizationName: String?
    public var mediatorId: Int64?
    public var mediatorName: String?
    public var specialty: String
    public var specialtyName: String
    public var facts: String
    public var amountFen: Int64
    /// The amount in yuan, two decimals (`1234.50`).
    public var amountYuan: String
    public var openedBy: String
    public var openedAt: Date
    public var closedAt: Date?
    public var linkedCase: LinkedCase
    public var parties: [Party]
    public var sessions: [Session]
    public var referrals: [Referral]
    /// The earliest planned session still ahead.
    public var nextSession: Date?
    public var version: Int

    static func sourceName(_ source: String) -> String {
        switch source {
        case "case": "案件转调解"
        case "referral": "六调联动转入"
        default: "直接受理"
        }
    }
}
