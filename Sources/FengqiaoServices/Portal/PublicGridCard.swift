import FengqiaoDomain
import Foundation

/// A grid's service card as residents see it on the portal: who serves the grid (post, name and the public work
/// phone set for the card, if any) and the centre's public hotline. Staff's account phones are personal (their
/// notification number) and never shown.
public struct PublicGridCard: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var post: GridPost
        public var name: String
        public var publicPhone: String?
    }

    public var code: String
    public var name: String
    public var place: [String]
    public var members: [Member]
    public var centerName: String?
    public var hotline: String?
}
