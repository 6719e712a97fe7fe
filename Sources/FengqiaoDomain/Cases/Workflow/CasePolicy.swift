import Foundation

/// The rules of the workflow a centre configures (办理规则). Dates (deadlines, the return window's end)
/// are not here: the services compute them from these limits and the business calendar and pass them
/// in commands.
///
/// Every default is configuration, not law:
/// - 三个三: 3 mediation attempts per tier;
/// - tier deadlines (调处时限): 网格 3 working days, 村社 10 working days, 镇街 15 working days, 区县 and
///   市级 30 days (a month, as 《人民调解工作若干规定》 gives mediation). Local practice differs widely
///   ("小事不出格、一般不过三天" in many grids), so each centre sets its own;
/// - escalation by the system when a tier's attempts are used up and when its deadline passes;
/// - 吹哨报到: summoned departments check in within 30 minutes when the case is 紧急 or 特急, within
///   1 working day otherwise;
/// - the lead department may return a dispatch within 2 working hours;
/// - a 不满意 revisit reopens a case at most twice.
public struct CasePolicy: Sendable, Hashable, Codable {
    /// Attempts allowed at each tier before it escalates (三个三: 3 by default).
    public var defaultAttemptLimit: Int
    /// Limits for tiers that differ from the default.
    public var attemptLimits: [MediationTier: Int]
    /// How often a 不满意 revisit reopens the case before it is archived as 不满意.
    public var reopenLimit: Int
    /// How long each tier has to settle the matter (调处时限), from acceptance or the escalation to it.
    public var tierLimits: [MediationTier: ClockLimit]
    /// Whether the tier's last failed attempt escalates the case at once (else a person escalates it).
    public var escalatesWhenAttemptsExhausted: Bool
    /// Whether the clock scan escalates a case whose tier deadline has passed (else it only turns red).
    public var escalatesWhenTierOverdue: Bool
    /// Check-in time of a summoned department when the case is 紧急 or 特急.
    public var urgentCheckIn: ClockLimit
    /// Check-in time of a summoned department when the case is 一般.
    public var normalCheckIn: ClockLimit
    /// How long after a dispatch the lead department may return it (退回时限).
    public var returnWindow: ClockLimit

    public static let defaultTierLimits: [MediationTier: ClockLimit] = [
        .grid: .workingDays(3), .village: .workingDays(10), .township: .workingDays(15), .county: .calendarDays(30),
        .city: .calendarDays(30),
    ]

    public init(
        defaultAttemptLimit: Int = 3, attemptLimits: [MediationTier: Int] = [:], reopenLimit: Int = 2,
        tierLimits: [MediationTier: ClockLimit] = CasePolicy.defaultTierLimits,
        escalatesWhenAttemptsExhausted: Bool = true, escalatesWhenTierOverdue: Bool = true,
        urgentCheckIn: ClockLimit = .minutes(30), normalCheckIn: ClockLimit = .workingDays(1),
        returnWindow: ClockLimit = .workingHours(2)
    ) {
        self.defaultAttemptLimit = defaultAttemptLimit
        self.attemptLimits = attemptLimits
        self.reopenLimit = reopenLimit
        self.tierLimits = tierLimits
        self.escalatesWhenAttemptsExhausted = escalatesWhenAttemptsExhausted
        self.escalatesWhenTierOverdue = escalatesWhenTierOverdue
        self.urgentCheckIn = urgentCheckIn
        self.normalCheckIn = normalCheckIn
        self.returnWindow = returnWindow
    }

    /// Attempts allowed at `tier`, at least 1.
    public func attemptLimit(at tier: MediationTier) -> Int { max(1, attemptLimits[tier] ?? defaultAttemptLimit) }

    /// The deadline of `tier` (the default when the policy leaves it out).
    public func tierLimit(at tier: MediationTier) -> ClockLimit {
        tierLimits[tier] ?? Self.defaultTierLimits[tier] ?? .workingDays(15)
    }

    /// How long a summoned department has to check in on a case of `urgency`.
    public func checkInLimit(for urgency: Urgency) -> ClockLimit {
        urgency == .normal ? normalCheckIn : urgentCheckIn
    }

    // MARK: Stored form

    private enum CodingKeys: String, CodingKey {
        case defaultAttemptLimit, attemptLimits, reopenLimit, tierLimits, escalatesWhenAttemptsExhausted
        case escalatesWhenTierOverdue, urgentCheckIn, normalCheckIn, returnWindow
    }

    /// Reads a stored policy; a setting it does not mention (stored before the setting existed) takes
    /// its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CasePolicy()
        self.init(
            defaultAttemptLimit: try c.decodeIfPresent(Int.self, forKey: .defaultAttemptLimit) ?? d.defaultAttemptLimit,
            attemptLimits: try c.decodeIfPresent([MediationTier: Int].self, forKey: .attemptLimits) ?? d.attemptLimits,
            reopenLimit: try c.decodeIfPresent(Int.self, forKey: .reopenLimit) ?? d.reopenLimit,
            tierLimits: try c.decodeIfPresent([MediationTier: ClockLimit].self, forKey: .tierLimits) ?? d.tierLimits,
            escalatesWhenAttemptsExhausted: try c.decodeIfPresent(Bool.self, forKey: .escalatesWhenAttemptsExhausted)
                ?? d.escalatesWhenAttemptsExhausted,
            escalatesWhenTierOverdue: try c.decodeIfPresent(Bool.self, forKey: .escalatesWhenTierOverdue)
                ?? d.escalatesWhenTierOverdue,
            urgentCheckIn: try c.decodeIfPresent(ClockLimit.self, forKey: .urgentCheckIn) ?? d.urgentCheckIn,
            normalCheckIn: try c.decodeIfPresent(ClockLimit.self, forKey: .normalCheckIn) ?? d.normalCheckIn,
            returnWindow: try c.decodeIfPresent(ClockLimit.self, forKey: .returnWindow) ?? d.returnWindow)
    }
}
