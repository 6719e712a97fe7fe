import FengqiaoDomain
import Foundation

/// What the desk's form offers the operator: the active categories and the grids of their jurisdiction.
public struct DeskForm: Sendable, Equatable {
    public struct Grid: Sendable, Equatable {
        public var code: String
        /// The village and grid names, e.g. `康乐社区 · 康乐社区第1网格`.
        public var name: String
    }

    public var categories: CaseCategoryTree
    /// At most `DeskIntake.maximumGridChoices`, by code.
    public var grids: [Grid]
}
