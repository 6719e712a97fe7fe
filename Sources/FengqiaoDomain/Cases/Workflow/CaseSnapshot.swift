import Foundation

/// The projection of a case's events that the workflow decides on. Built only from events:
/// `CaseSnapshot.replay(events)`, or `apply(_:)` one event at a time (the same result either way).
public struct CaseSnapshot: Sendable, Hashable {
    public var state: CaseState
    public var kind: CaseKind
    public var category: String?
    public var urgency: Urgency
    public var channel: Channel
    /// The administrative area the case belongs to.
    public var areaCode: AreaCode
    /// The grid (or micro-grid), when known.
    public var gridCode: AreaCode?
    /// The requester's tracking code, when the case has one.
    public var trackingCode: TrackingCode?
    public var slaPreset: String?

    /// The rung of the mediation ladder answering for the case; it only ever moves up.
    public var tier: MediationTier
    /// Mediation attempts made at each tier.
    public var attempts: [MediationTier: Int]

    /// The departments' parts, lead first; empty until dispatched (and after an on-site resolution).
    public var parts: [DepartmentPart]
    /// The handling deadline of the current dispatch (moved by an approved extension).
    public var deadline: Date?
    /// Until when the lead department may return the case.
    public var returnWindowEnds: Date?
    /// Returned by the lead department and waiting for the centre's ruling.
    public var returned: Bool
    /// How often the case was returned.
    public var returnCount: Int
    /// A return was refused: the lead department may not return the case again.
    public var returnUpheld: Bool
    public var pendingExtension: PendingExtension?

    public var whistles: [Whistle]
    public var supervisions: [Supervision]

    /// The latest result reported (on site or by the lead department).
    public var result: String?
    /// The latest reply given to the requester (结案答复).
    public var reply: String?
    public var replyChannel: ContactChannel?
    /// The latest revisit rating.
    public var satisfaction: Satisfaction?
    /// How often a 不满意 revisit reopened the case.
    public var reopenCount: Int
    /// The tier and time of closing while the case stays closed (or archived); nil before and after a reopen.
    public var resolution: LadderResolution?
    /// The case this one was merged into.
    public var mergedInto: Int64?
    /// The state to restore when a merge is split.
    public var stateBeforeMerge: CaseState?

    /// The number of events applied.
    public var version: Int
    public var reportedAt: Date
    public var updatedAt: Date

    /// The snapshot right after the `reported` event; nil for any other event (or a malformed area code).
    public init?(reported event: CaseEvent) {
        guard case .reported(let kind, let channel, let urgency, let area, let grid, let trackingCode) = event.payload,
            let areaCode = AreaCode(area)
        else { return nil }
        self.state = .reported
        self.kind = kind
        self.category = nil
        self.urgency = urgency
        self.channel = channel
        self.areaCode = areaCode
        self.gridCode = grid.flatMap(AreaCode.init)
        self.trackingCode = trackingCode.flatMap(TrackingCode.init)
        self.slaPreset = nil
        self.tier = .grid
        self.attempts = [:]
        self.parts = []
        self.deadline = nil
        self.returnWindowEnds = nil
        self.returned = false
        self.returnCount = 0
        self.returnUpheld = false
        self.pendingExtension = nil
        self.whistles = []
        self.supervisions = []
        self.result = nil
        self.reply = nil
        self.replyChannel = nil
        self.satisfaction = nil
        self.reopenCount = 0
        self.resolution = nil
        self.mergedInto = nil
        self.stateBeforeMerge = nil
        self.version = 1
        self.reportedAt = event.at
        self.updatedAt = event.at
    }

    /// The snapshot after `events`, which must start with `reported`; nil otherwise (or when empty).
    public static func replay(_ events: some Sequence<CaseEvent>) -> CaseSnapshot? {
        var iterator = events.makeIterator()
        guard let first = iterator.next(), var snapshot = CaseSnapshot(reported: first) else { return nil }
        while let event = iterator.next() { snapshot.apply(event) }
        return snapshot
    }

    /// This snapshot with `events` applied in order.
    public func applying(_ events: some Sequence<CaseEvent>) -> CaseSnapshot {
        var snapshot = self
        for event in events { snapshot.apply(event) }
        return snapshot
    }

    /// The lead department's part, once dispatched.
    public var lead: DepartmentPart? { parts.first { $0.role == .lead } }

    /// The assisting departments' parts.
    public var assisting: [DepartmentPart] { parts.filter { $0.role == .assisting } }

    /// Where the case is, for jurisdiction checks: its grid when known, else its area.
    public var location: AreaCode { gridCode ?? areaCode }

    /// Attempts made at the current tier.
    public var attemptsAtTier: Int { attempts[tier] ?? 0 }

    /// Whistles with departments still to check in.
    public var openWhistles: [Whistle] { whistles.filter(\.isOpen) }

    /// Check-ins made after their deadline, over all whistles.
    public var lateCheckIns: Int { whistles.reduce(0) { $0 + $1.lateCheckIns } }

    /// Supervisions still waiting for an answer.
    public var openSupervisions: [Supervision] { supervisions.filter(\.isOpen) }

    /// Whether `department` has a part in the case or was summoned to it.
    public func involves(department: Int64) -> Bool {
        parts.contains { $0.department == department } || whistles.contains { $0.departments.contains(department) }
    }

    /// The part of `department`, if it has one.
    public func part(of department: Int64) -> DepartmentPart? { parts.first { $0.department == department } }
}
