import Foundation

/// A named set of stage limits that a case takes on when it is accepted (时限方案).
///
/// The catalogue (`SLAPreset.catalogue`) holds defaults, not law, except where `basis` says so:
/// - hotline presets per urgency, modelled on common 12345 practice (特急 sign for within 1 working
///   hour and handle within 1 working day; 紧急 2 hours / 3 working days; 一般 4 hours / 15 working
///   days). Each centre sets its own; these values are configuration.
/// - 信访: 15 days to decide whether to accept and tell the petitioner, 60 days to handle, at most 30
///   more days by extension, counted in working days on the business calendar (`ClockLimit.workingDays`:
///   the receiving day is not counted, statutory holidays are skipped, make-up working days count, and
///   each limit ends at the close of business of its last working day), as the petition offices count them
///   and as issue 8 requires. 《信访工作条例》 writes 日; a centre that counts calendar days edits the preset.
/// - 人民调解: 30 days, after 司法部《人民调解工作若干规定》("一般在一个月内调结").
/// The statutory presets fix the stages the rules speak of; their other stages (dispatch, sign-for,
/// verification, reply, revisit) take the hotline limits of the case's urgency, so every stage has a clock.
public struct SLAPreset: Sendable, Hashable, Codable {
    public var category: SLACategory
    /// The urgency the preset is for (statutory limits are the same for every urgency; the other
    /// stages follow the urgency).
    public var urgency: Urgency
    /// 12345热线·特急, 信访事项 …
    public var name: String
    public var limits: [ClockKind: ClockLimit]
    /// The most that extensions may add to the handling limit; nil when the preset sets no ceiling.
    public var maximumExtension: ClockLimit?
    /// Where the numbers come from.
    public var basis: String

    public init(
        category: SLACategory, urgency: Urgency, name: String, limits: [ClockKind: ClockLimit],
        maximumExtension: ClockLimit? = nil, basis: String
    ) {
        self.category = category
        self.urgency = urgency
        self.name = name
        self.limits = limits
        self.maximumExtension = maximumExtension
        self.basis = basis
    }

    /// The limit of one stage, or nil when the preset gives that stage no clock.
    public func limit(for kind: ClockKind) -> ClockLimit? { limits[kind] }

    /// The preset of the catalogue for a case of `category` and `urgency`.
    public static func `for`(category: SLACategory, urgency: Urgency) -> SLAPreset {
        switch category {
        case .hotline: hotline(urgency)
        case .petition: petition(urgency)
        case .peopleMediation: peopleMediation(urgency)
        }
    }

    /// The catalogue's limit for one stage of a case of `category` and `urgency`.
    public static func `for`(kind: ClockKind, category: SLACategory, urgency: Urgency) -> ClockLimit? {
        self.for(category: category, urgency: urgency).limit(for: kind)
    }

    /// Problems with an administrator's preset: a name of 1–30 characters, every limit in range, and a
    /// maximum extension in range and in the handling limit's unit.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if let name = InputRules.text(name) {
            if name.count > 30 { errors.append(.tooLong("name", label: "方案名称", max: 30)) }
        } else {
            errors.append(.required("name", label: "方案名称"))
        }
        for kind in ClockKind.allCases {
            if let limit = limits[kind] { errors += limit.validate(field: "limits.\(kind.rawValue)") }
        }
        if let maximum = maximumExtension {
            errors += maximum.validate(field: "maximumExtension")
            if let handling = limits[.handling], !handling.hasSameUnit(as: maximum) {
                errors.append(
                    FieldError(
                        field: "maximumExtension", code: "unit_mismatch", message: "最长延期的单位须与办理时限(\(handling))一致"))
            }
        }
        return errors
    }
}
