import Foundation

/// A department working in or for the centre of an area (9+N), and how it is stationed there.
public struct DepartmentRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var areaCode: String
    public var code: String
    public var name: String
    /// 1 for the nine core departments.
    public var isCore: Int
    /// `Stationing` raw value.
    public var stationing: String

    public init(id: Int64? = nil, areaCode: String, code: String, name: String, isCore: Int, stationing: String) {
        self.id = id
        self.areaCode = areaCode
        self.code = code
        self.name = name
        self.isCore = isCore
        self.stationing = stationing
    }
}
