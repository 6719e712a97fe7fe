import FengqiaoDomain
import FengqiaoStore

extension ReportedValueRecord {
    /// The value as the scoring reads it.
    var value: IndicatorValue { IndicatorValue(numerator: Int(numerator), denominator: denominator.map(Int.init)) }
}
