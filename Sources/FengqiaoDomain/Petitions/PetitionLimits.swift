import Foundation

/// The statutory limits of 《信访工作条例》(2022), counted in working days on the engine's business calendar
/// (the receiving day is not counted; each limit ends at the close of business of its last working day,
/// so statutory holidays are skipped and make-up working days count):
/// - 第三十一条: decide whether to accept within 15 days of receipt and tell the petitioner in writing;
/// - 第三十六条: handle within 60 days of acceptance; with approval, one extension of at most 30 days;
/// - 第三十五条: a petitioner who disagrees may request a review (复查) within 30 days of the written
///   reply, decided within 30 days; then a re-review (复核) within 30 days of the review opinion, decided
///   within 30 days.
/// The acceptance, handling and extension limits are those of the engine's 信访 preset
/// (`SLAPreset.petition`), so the engine and the petition desk cannot disagree; the review limits exist
/// only here.
public enum PetitionLimits {
    static var preset: SLAPreset { SLAPreset.for(category: .petition, urgency: .normal) }

    /// 15 working days from receipt to the decision (受理 / 不予受理 / 不再受理).
    public static var acceptance: ClockLimit { preset.limit(for: .acceptance) ?? .workingDays(15) }
    /// 60 working days from acceptance to the written reply.
    public static var handling: ClockLimit { preset.limit(for: .handling) ?? .workingDays(60) }
    /// The one extension's ceiling: 30 working days.
    public static var maximumExtension: ClockLimit { preset.maximumExtension ?? .workingDays(30) }
    /// How long the petitioner has to request a review (from the reply) or a re-review (from the review opinion).
    public static let requestWindow: ClockLimit = .workingDays(30)
    /// How long the reviewing organ has to give its review or re-review opinion.
    public static let reviewDecision: ClockLimit = .workingDays(30)
}
