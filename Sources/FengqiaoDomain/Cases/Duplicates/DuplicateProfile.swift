import Foundation

/// What duplicate detection compares of a report: where (grid, address), what (description) and
/// which kind and category. Built once per report; the description's bigrams are counted here.
public struct DuplicateProfile: Sendable, Equatable {
    public var gridCode: String?
    public var address: AddressKey?
    public var text: TextSimilarity
    public var kind: String
    public var category: String

    public init(gridCode: String?, address: String?, description: String, kind: String, category: String) {
        self.gridCode = gridCode
        self.address = AddressKey(address)
        self.text = TextSimilarity(description)
        self.kind = kind
        self.category = category
    }
}
