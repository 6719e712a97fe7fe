import Foundation

/// A node of the case category tree (`case_categories`): a kind (level 1, no parent) or one of its
/// categories (level 2). `active` is 1 or 0; `position` orders siblings from 1.
public struct CaseCategoryRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var parentId: Int64?
    public var code: String
    public var name: String
    public var active: Int
    public var position: Int

    public init(id: Int64? = nil, parentId: Int64?, code: String, name: String, active: Int = 1, position: Int) {
        self.id = id
        self.parentId = parentId
        self.code = code
        self.name = name
        self.active = active
        self.position = position
    }
}
