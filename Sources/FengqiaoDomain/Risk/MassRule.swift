import Foundation

/// 涉众: one case involving many people or a large amount; the higher of the two levels counts.
public struct MassRule: Sendable, Hashable, Codable {
    public var enabled: Bool
    /// Marks on 涉及人数.
    public var peopleBands: RiskLevelBands
    /// Marks on 涉及金额, in yuan.
    public var amountBands: RiskLevelBands

    public init(enabled: Bool = true, peopleBands: RiskLevelBands, amountBands: RiskLevelBands) {
        self.enabled = enabled
        self.peopleBands = peopleBands
        self.amountBands = amountBands
    }

    public func problems(field: String) -> [FieldError] {
        peopleBands.problems(field: "\(field).people") + amountBands.problems(field: "\(field).amount")
    }
}
