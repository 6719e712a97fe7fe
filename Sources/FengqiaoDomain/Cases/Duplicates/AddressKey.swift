import Foundation

/// An address reduced to what identifies the place, for comparing two reports: full-width folded to
/// half-width, lower case, without whitespace and punctuation ("阳光花园 3号楼、2单元" and
/// "阳光花园3号楼2单元" are the same key). Nil for an address with nothing left.
public struct AddressKey: Sendable, Hashable {
    public let rawValue: String

    public init?(_ address: String?) {
        guard let address else { return nil }
        let key = String(TextSimilarity.normalized(address))
        guard !key.isEmpty else { return nil }
        rawValue = key
    }
}
