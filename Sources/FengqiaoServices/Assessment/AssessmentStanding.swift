import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A unit's stored score for a period and its place among its county's units of the same kind.
public struct AssessmentStanding: Sendable, Hashable {
    public var unit: AssessedUnit
    public var countyCode: String
    public var areaCode: String
    public var rank: Int
    public var ranked: Int
    public var rankChange: Int?
    public var totalChange: Double?
    public var laggard: Bool
    public var score: UnitScore

    init(_ record: AssessmentScoreRecord) throws {
        guard let kind = AssessedUnitKind(rawValue: record.unitKind) else { throw StoreError.noRowReturned("assessment_scores") }
        unit = AssessedUnit(kind, record.unitCode)
        (countyCode, areaCode) = (record.countyCode, record.areaCode)
        (rank, ranked, rankChange) = (Int(record.rank), Int(record.ranked), record.rankChange.map(Int.init))
        (totalChange, laggard) = (record.totalChange, record.laggard != 0)
        let indicators = try JSONDecoder().decode([IndicatorScore].self, from: Data(record.indicators.utf8))
        score = UnitScore(unit: record.unitCode, name: record.name, indicators: indicators, awarded: record.awarded,
                          deducted: record.deducted)
    }
}
