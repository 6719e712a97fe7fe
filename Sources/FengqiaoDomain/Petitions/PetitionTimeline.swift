import Foundation

/// The instants a petition's statutory clocks are computed from, as recorded when they happened. Nothing
/// else is stored: every deadline is derived from these, `PetitionLimits` and the business calendar in
/// force when it is read, so an edited holiday calendar moves the deadlines at once.
public struct PetitionTimeline: Sendable, Hashable {
    public var receivedAt: Date
    public var decision: PetitionDecision?
    public var decidedAt: Date?
    /// Working days added by the approved extension.
    public var extensionDays: Int?
    public var repliedAt: Date?
    public var reviewRequestedAt: Date?
    public var reviewDecidedAt: Date?
    public var reReviewRequestedAt: Date?
    public var reReviewDecidedAt: Date?

    public init(
        receivedAt: Date, decision: PetitionDecision? = nil, decidedAt: Date? = nil, extensionDays: Int? = nil,
        repliedAt: Date? = nil, reviewRequestedAt: Date? = nil, reviewDecidedAt: Date? = nil,
        reReviewRequestedAt: Date? = nil, reReviewDecidedAt: Date? = nil
    ) {
        self.receivedAt = receivedAt
        self.decision = decision
        self.decidedAt = decidedAt
        self.extensionDays = extensionDays
        self.repliedAt = repliedAt
        self.reviewRequestedAt = reviewRequestedAt
        self.reviewDecidedAt = reviewDecidedAt
        self.reReviewRequestedAt = reReviewRequestedAt
        self.reReviewDecidedAt = reReviewDecidedAt
    }

    /// The clocks the petition has run so far, in order: acceptance always; handling once accepted;
    /// review and re-review once requested.
    public func stageClocks() -> [(PetitionClockKind, StageClock)] {
        var clocks: [(PetitionClockKind, StageClock)] = [
            (.acceptance, StageClock(kind: .acceptance, limit: PetitionLimits.acceptance, startedAt: receivedAt,
                                     stoppedAt: decidedAt))
        ]
        if decision == .accept, let acceptedAt = decidedAt {
            clocks.append((.handling, StageClock(
                kind: .handling, limit: PetitionLimits.handling, startedAt: acceptedAt, stoppedAt: repliedAt,
                extensionGranted: extensionDays.map { ClockLimit.workingDays($0) })))
        }
        if let requested = reviewRequestedAt {
            clocks.append((.review, StageClock(kind: .handling, limit: PetitionLimits.reviewDecision, startedAt: requested,
                                               stoppedAt: reviewDecidedAt)))
        }
        if let requested = reReviewRequestedAt {
            clocks.append((.reReview, StageClock(kind: .handling, limit: PetitionLimits.reviewDecision,
                                                 startedAt: requested, stoppedAt: reReviewDecidedAt)))
        }
        return clocks
    }

    /// The clocks as they stand at `now`.
    public func clocks(at now: Date, calendar: BusinessCalendar) -> [PetitionClock] {
        stageClocks().map { kind, clock in
            PetitionClock(kind: kind, clock: clock, deadline: clock.deadline(at: now, calendar: calendar),
                          status: clock.status(at: now, calendar: calendar))
        }
    }

    /// Whether a clock still running at `now` is past its deadline.
    public func isOverdue(at now: Date, calendar: BusinessCalendar) -> Bool {
        clocks(at: now, calendar: calendar).contains { $0.status == .overdue }
    }

    /// The last moment to request a review: the close of business of the 30th working day after the reply.
    public func reviewWindowEnds(calendar: BusinessCalendar) -> Date? {
        repliedAt.map { calendar.deadline(adding: PetitionLimits.requestWindow, from: $0) }
    }

    /// The last moment to request a re-review: 30 working days after the review opinion.
    public func reReviewWindowEnds(calendar: BusinessCalendar) -> Date? {
        reviewDecidedAt.map { calendar.deadline(adding: PetitionLimits.requestWindow, from: $0) }
    }
}
