import FengqiaoDomain

/// A scored unit as the pages show it: the unit, its name, and the area it lies in (a township's own code, a
/// department's centre, a grid worker's area), which decides whose jurisdiction it is in.
public struct AssessedUnitProfile: Sendable, Hashable {
    public var unit: AssessedUnit
    public var name: String
    public var areaCode: String

    public init(unit: AssessedUnit, name: String, areaCode: String) {
        self.unit = unit
        self.name = name
        self.areaCode = areaCode
    }
}
