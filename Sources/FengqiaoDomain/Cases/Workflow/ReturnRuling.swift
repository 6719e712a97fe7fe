import Foundation

/// The centre's ruling on a returned case (退回裁定).
public enum ReturnRuling: Sendable, Hashable, Codable {
    /// The return is refused: the case goes back to the same departments, which may not return it again.
    case uphold
    /// The return is accepted: the case goes to other departments.
    case reassign(DispatchOrder)
}
