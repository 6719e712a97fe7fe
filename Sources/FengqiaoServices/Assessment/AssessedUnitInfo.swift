import FengqiaoDomain

/// A unit to score, with what its stored score needs: its name, its county (the ranking it is placed in) and the
/// area its score belongs to for scoping.
struct AssessedUnitInfo: Sendable {
    var unit: AssessedUnit
    var name: String
    var areaCode: String

    var countyCode: String { String(areaCode.prefix(6)) }
}
