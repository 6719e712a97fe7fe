import FengqiaoDomain

/// The two-level tree: the seven kinds (fixed, in `CaseKind` order) and each kind's categories in
/// the order administrators set.
public struct CaseCategoryTree: Sendable, Equatable, Codable {
    public struct Branch: Sendable, Equatable, Codable {
        public var kind: CaseKind
        /// The kind's Chinese name, e.g. 矛盾纠纷.
        public var name: String
        public var categories: [CaseCategory]

        public init(kind: CaseKind, name: String, categories: [CaseCategory]) {
            self.kind = kind
            self.name = name
            self.categories = categories
        }
    }

    public var kinds: [Branch]

    public init(kinds: [Branch]) { self.kinds = kinds }

    /// The category with `code`, active or not.
    public func category(code: String) -> CaseCategory? {
        kinds.lazy.flatMap(\.categories).first { $0.code == code }
    }

    /// The same tree with only the active categories (what a reporting form offers).
    public var activeOnly: CaseCategoryTree {
        CaseCategoryTree(kinds: kinds.map {
            Branch(kind: $0.kind, name: $0.name, categories: $0.categories.filter(\.active))
        })
    }
}
