import FengqiaoDomain
import Foundation

/// The petitions or mediations behind one number of a figure table, newest first.
public struct FigureItems: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        /// `petition` or `mediation`.
        public var kind: String
        /// The page that shows it.
        public var link: String
        public var number: String
        public var at: Date
        public var areaCode: String
        public var areaName: String?
        public var stateName: String
        /// The start of the matter's text.
        public var summary: String
        public var persons: Int64
        public var amountFen: Int64
    }

    public var figure: CentreFigure
    public var figureName: String
    public var areaCode: String
    public var areaName: String
    public var period: ReportingPeriod
    public var items: [Item]
    /// True when there are more than the list shows (`CentreFigures.itemLimit`).
    public var truncated: Bool
}
