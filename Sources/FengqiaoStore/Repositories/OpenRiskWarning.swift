import Foundation

/// What filing a new finding needs of a subject's open warning.
public struct OpenRiskWarning: Sendable, Equatable {
    public var id: Int64
    public var level: String
    public var caseCount: Int

    public init(id: Int64, level: String, caseCount: Int) {
        self.id = id
        self.level = level
        self.caseCount = caseCount
    }
}
