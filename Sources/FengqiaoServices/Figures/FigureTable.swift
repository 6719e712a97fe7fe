import FengqiaoDomain
import Foundation

/// The petition and mediation figures of an area for a period: the whole area, then one row per child
/// area (and a row for what was registered at the area itself), as the centres report them.
public struct FigureTable: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public var areaCode: String
        public var areaName: String
        /// Whether the row is a child area with its own table (not the area's own 本级 row).
        public var drillable: Bool
        public var figures: FigureRow
    }

    public var areaCode: String
    public var areaName: String
    /// The area one level up, when it is still inside the reader's jurisdiction.
    public var parentCode: String?
    public var period: ReportingPeriod
    public var total: FigureRow
    public var rows: [Row]
    /// False for department staff, who see no mediations (their figures show petitions only).
    public var includesMediations: Bool
}
