import Foundation

/// The values from which a rule's measure reaches each level: at `blue` it warns, and it rises to 黄, 橙 and 红
/// at the higher marks (a level left out is skipped). Marks rise strictly from blue to red.
public struct RiskLevelBands: Sendable, Hashable, Codable {
    public var blue: Double
    public var yellow: Double?
    public var orange: Double?
    public var red: Double?

    public init(blue: Double, yellow: Double? = nil, orange: Double? = nil, red: Double? = nil) {
        self.blue = blue
        self.yellow = yellow
        self.orange = orange
        self.red = red
    }

    /// The marks that are set, lowest first.
    public var marks: [(level: RiskLevel, from: Double)] {
        [(.blue, blue), (.yellow, yellow), (.orange, orange), (.red, red)].compactMap { level, mark in
            mark.map { (level, $0) }
        }
    }

    /// The highest level whose mark `value` reaches; nil below `blue`.
    public func level(for value: Double) -> RiskLevel? {
        marks.last(where: { value >= $0.from })?.level
    }

    /// Field errors for marks that are not finite and positive or do not rise strictly; `field` names the form group.
    public func problems(field: String) -> [FieldError] {
        var errors: [FieldError] = []
        var previous: Double?
        for (level, mark) in marks {
            if !mark.isFinite || mark <= 0 {
                errors.append(FieldError(field: "\(field).\(level.rawValue)", code: "out_of_range",
                                         message: "\(level.chineseName)阈值须为正数"))
            } else if let previous, mark <= previous {
                errors.append(FieldError(field: "\(field).\(level.rawValue)", code: "not_increasing",
                                         message: "\(level.chineseName)阈值须高于较低等级的阈值"))
            }
            if mark.isFinite, mark > 0 { previous = mark }
        }
        return errors
    }
}
