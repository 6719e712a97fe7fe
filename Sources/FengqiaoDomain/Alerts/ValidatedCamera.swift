import Foundation

/// A camera that passed validation.
public struct ValidatedCamera: Sendable, Equatable {
    public var code: String
    public var name: String
    public var gridCode: AreaCode
    public var location: Coordinate?
    public var active: Bool
}
