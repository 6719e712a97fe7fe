import FengqiaoDomain
import Foundation

/// Which clocks a case's history opens, pauses, resumes and stops (pure: the same events and policy
/// give the same clocks, in the order they were opened).
///
/// Stages of the closed loop:
/// - reported → acceptance; accepted → dispatch; dispatched / reassigned → sign-for per department;
///   signed for → handling of that department; part completed / feedback → handling stops;
///   feedback or on-site resolution → verification; verified → reply; closed → revisit.
/// - a dispatch whose deadline differs from the preset's (named by the dispatcher) fixes the lead
///   department's handling clock to end exactly then; otherwise handling runs the preset's limit from
///   the sign-for.
/// - verification failed, or a revisit that reopens the case → handling of the lead department again.
/// - a lead department's return stops its clocks and starts dispatch again; a refused return starts
///   its sign-for again.
/// - an extension request pauses every running handling clock (`extensionUnderReview`) until it is
///   approved (the granted time is added to the limit) or denied.
/// The tier deadline (`tier`, 调处时限): from acceptance, and afresh from each escalation and each
/// reopening (failed verification, 不满意), with the limit `CasePolicy.tierLimit(at:)` of the tier
/// then answering; it stops once the matter is handled (feedback, on-site resolution).
/// Check-ins (`checkIn`, 吹哨报到): one per summoned department per whistle, ending exactly at the
/// whistle's `checkInDue`; it stops when that department checks in.
/// Supervision answers (`supervision`): one per 督办 / 挂牌督办 with a `responseDue`, owned by the lead
/// department (else the case), ending exactly then; it stops when that order is answered.
/// rejected, merged, withdrawn, closed, archived → every clock stops (closed then opens revisit).
/// Stage limits come from the preset named on acceptance (a `SLACategory` code or a catalogue name),
/// else the preset of `category` when the case's body of limits is known before acceptance (a case opened
/// for a petition follows 信访 from its receipt, so its acceptance clock is the statutory 15 working days),
/// else the hotline preset of the case's urgency; a stage the preset leaves without a limit has no clock.
public enum CaseClockPlan {
    public static func clocks(
        for events: [CaseEvent], calendar: BusinessCalendar, policy: CasePolicy, category: SLACategory? = nil
    ) -> [StageClock] {
        var clocks: [StageClock] = []
        var snapshot: CaseSnapshot?
        /// The dispatcher's deadline of the current dispatch, when it is not the preset's.
        var namedDeadline: Date?
        /// Check-in clocks by whistle number and department.
        var checkIns: [Int: [Int64: Int]] = [:]
        /// Answer clocks by supervision number.
        var supervisions: [Int: Int] = [:]
        for event in events {
            if var s = snapshot { s.apply(event); snapshot = s } else { snapshot = CaseSnapshot(reported: event) }
            guard let s = snapshot else { continue }
            let at = event.at
            let preset = preset(for: s, category: category)

            func stop(_ matching: (StageClock) -> Bool) {
                for i in clocks.indices where clocks[i].stoppedAt == nil && matching(clocks[i]) { try? clocks[i].stop(at: at) }
            }
            func stopStages(_ matching: (StageClock) -> Bool) { stop { $0.kind.isStage && matching($0) } }
            func open(_ kind: ClockKind, _ owner: ClockOwner = .wholeCase) {
                stop { $0.kind == kind && $0.owner == owner }
                guard let limit = preset.limit(for: kind) else { return }
                clocks.append(StageClock(kind: kind, owner: owner, limit: limit, startedAt: at))
            }
            func openForLead(_ kind: ClockKind) {
                if let lead = s.lead { open(kind, .department(id: lead.department, role: .lead)) } else { open(kind) }
            }
            func openTier() {
                stop { $0.kind == .tier }
                clocks.append(StageClock(kind: .tier, limit: policy.tierLimit(at: s.tier), startedAt: at))
            }

            switch event.payload {
            case .reported:
                open(.acceptance)
            case .accepted:
                stop { $0.kind == .acceptance }
                open(.dispatch)
                openTier()
            case .rejected, .merged, .withdrawn, .archived:
                stop { _ in true }
            case .resolvedOnSite:
                stop { $0.isStage || $0.kind == .tier }
                open(.verification)
            case .dispatched(let order), .reassigned(let order):
                stopStages { _ in true }
                namedDeadline = order.presetDeadline == order.deadline ? nil : order.deadline
                for part in order.parts { open(.signFor, owner(part.department, part.role)) }
            case .signedFor(let department, let role):
                stop { $0.kind == .signFor && $0.owner.departmentID == department }
                let owner = owner(department, role)
                if role == .lead, let deadline = namedDeadline {
                    stop { $0.kind == .handling && $0.owner == owner }
                    clocks.append(StageClock.ending(at: deadline, kind: .handling, owner: owner, startedAt: at))
                } else {
                    open(.handling, owner)
                }
            case .returned(let department, _):
                stopStages { $0.owner.departmentID == department }
                open(.dispatch)
            case .returnUpheld(let department):
                stop { $0.kind == .dispatch }
                open(.signFor, owner(department, .lead))
            case .escalated:
                openTier()
            case .whistled(let number, let departments, let checkInDue):
                for department in departments {
                    checkIns[number, default: [:]][department] = clocks.count
                    let owner = ClockOwner.department(id: department, role: .summoned)
                    clocks.append(StageClock.ending(at: checkInDue, kind: .checkIn, owner: owner, startedAt: at))
                }
            case .checkedIn(let number, let department, _):
                if let index = checkIns[number]?[department], clocks[index].stoppedAt == nil {
                    try? clocks[index].stop(at: at)
                }
            case .extensionRequested:
                for i in clocks.indices where clocks[i].kind == .handling && clocks[i].stoppedAt == nil {
                    try? clocks[i].pause(at: at, reason: .extensionUnderReview)
                }
            case .extensionApproved(let until):
                for i in clocks.indices where clocks[i].kind == .handling && clocks[i].stoppedAt == nil {
                    try? clocks[i].resume(at: at)
                    guard let extra = extensionLimit(of: clocks[i], until: until, at: at, calendar: calendar) else {
                        continue
                    }
                    if clocks[i].fixedDeadline != nil {
                        // A fixed deadline moves by the minutes between it and the approved date, however many.
                        clocks[i].extensionGranted = clocks[i].extensionGranted.flatMap(extra.adding) ?? extra
                    } else {
                        try? clocks[i].grantExtension(extra, maximum: nil)
                    }
                }
            case .extensionDenied:
                for i in clocks.indices where clocks[i].kind == .handling && clocks[i].openPause != nil {
                    try? clocks[i].resume(at: at)
                }
            case .partCompleted(let department, _):
                stopStages { $0.owner.departmentID == department }
            case .feedbackGiven:
                stop { ($0.isStage && $0.owner.departmentID != nil) || $0.kind == .tier }
                open(.verification)
            case .verified:
                stop { $0.kind == .verification }
                open(.reply)
            case .verificationFailed:
                stop { $0.kind == .verification }
                openForLead(.handling)
                openTier()
            case .closed:
                stop { _ in true }
                open(.revisit)
            case .revisited(_, _, let reopened):
                stop { $0.kind == .revisit }
                if reopened {
                    openForLead(.handling)
                    openTier()
                }
            case .supervised(let number, let kind, _, let responseDue):
                guard kind.requiresResponse, let responseDue else { break }
                supervisions[number] = clocks.count
                let owner = s.lead.map { ClockOwner.department(id: $0.department, role: .lead) } ?? .wholeCase
                clocks.append(StageClock.ending(at: responseDue, kind: .supervision, owner: owner, startedAt: at))
            case .supervisionAnswered(let number, _):
                if let index = supervisions[number], clocks[index].stoppedAt == nil { try? clocks[index].stop(at: at) }
            case .split, .attemptRecorded, .progressAdded:
                break
            }
        }
        return clocks
    }

    /// The preset a case's clocks follow: the one named on acceptance, else that of `category` (known
    /// before acceptance), else the hotline preset.
    public static func preset(for snapshot: CaseSnapshot, category: SLACategory? = nil) -> SLAPreset {
        if let named = snapshot.slaPreset {
            if let category = SLACategory(rawValue: named) { return SLAPreset.for(category: category, urgency: snapshot.urgency) }
            if let preset = SLAPreset.catalogue.first(where: { $0.name == named }) { return preset }
        }
        return SLAPreset.for(category: category ?? .hotline, urgency: snapshot.urgency)
    }

    static func owner(_ department: Int64, _ role: DepartmentRole) -> ClockOwner {
        .department(id: department, role: role == .lead ? .lead : .assisting)
    }

    /// The extension that moves `clock`'s deadline (as it stands at `at`) to `until`, in the limit's
    /// unit; nil when `until` is not later.
    static func extensionLimit(of clock: StageClock, until: Date, at: Date, calendar: BusinessCalendar) -> ClockLimit? {
        let deadline = clock.deadline(at: at, calendar: calendar)
        guard until > deadline else { return nil }
        let from = CivilDate(containing: deadline), to = CivilDate(containing: until)
        let amount: Int
        switch clock.limit {
        case .calendarDays:
            amount = to.dayNumber - from.dayNumber
        case .workingDays:
            amount = calendar.workingDayCount(from: from, through: to) - (calendar.isWorkingDay(from) ? 1 : 0)
        case .workingHours:
            amount = Int((calendar.workingTime(from: deadline, to: until) / 3600).rounded(.up))
        case .minutes:
            amount = Int((until.timeIntervalSince(deadline) / 60).rounded(.up))
        }
        guard amount > 0 else { return nil }
        switch clock.limit {
        case .calendarDays: return .calendarDays(amount)
        case .workingDays: return .workingDays(amount)
        case .workingHours: return .workingHours(amount)
        case .minutes: return .minutes(amount)
        }
    }
}

extension StageClock {
    /// Whether the clock times a stage of the closed loop.
    var isStage: Bool { kind.isStage }
}
