import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The editable two-level case category tree. Level 1 is the seven kinds (`CaseKind`, code = raw
/// value, fixed); level 2 their categories, seeded on first use from `CaseKind.defaultCategories`
/// and then edited by administrators holding `configureCases`: added, renamed, reordered and
/// deactivated (never deleted, so old cases keep their category). Every change is audited with the
/// category before and after, in the transaction that makes it.
public struct CaseCategories: Sendable {
    /// At most this many categories under one kind, active or not.
    public static let maximumPerKind = 200

    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    // MARK: Reading

    /// The whole tree, inactive categories included, for staff who see cases or configure them.
    public func tree(caller: Caller) async throws -> CaseCategoryTree {
        guard caller.staff.may(.viewCases) || caller.staff.may(.configureCases) else {
            throw DomainError.forbidden(permission: .viewCases)
        }
        return try await load()
    }

    /// The active categories only, for anyone (the residents' report form).
    public func publicTree() async throws -> CaseCategoryTree { try await load().activeOnly }

    /// Whether `category` (a code, or a name within the kind) is an active category of `kind`.
    /// Every category's name by code, active or not (for labels).
    public func names() async throws -> [String: String] {
        Dictionary(try await load().kinds.flatMap(\.categories).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public func isActive(kind: CaseKind, category: String) async throws -> Bool {
        try await activeCategory(kind: kind, category: category) != nil
    }

    /// The active category of `kind` whose code, or else whose name, is `category`; nil when there is none.
    public func activeCategory(kind: CaseKind, category: String) async throws -> CaseCategory? {
        let found = try await platform.database.read { db -> CaseCategory?? in
            guard try await CaseCategoryRepository(db).find(code: kind.rawValue) != nil else { return .none }
            return .some(try await Self.activeCategory(kind: kind, category: category, in: db))
        }
        if let found { return found }
        try await seed()
        return try await platform.database.read { try await Self.activeCategory(kind: kind, category: category, in: $0) }
    }

    /// `activeCategory(kind:category:)` on the caller's connection, for a service validating a case inside
    /// its own transaction. On a writing transaction a tree not seeded yet is seeded first.
    public static func activeCategory(kind: CaseKind, category: String, in db: any SQLDatabase) async throws
        -> CaseCategory?
    {
        let repository = CaseCategoryRepository(db)
        guard let parent = try await repository.find(code: kind.rawValue), let parentID = parent.id else {
            try await seed(in: db)
            guard try await repository.find(code: kind.rawValue) != nil else { return nil }
            return try await activeCategory(kind: kind, category: category, in: db)
        }
        let children = try await repository.children(of: parentID).filter { $0.active == 1 }
        let row = children.first { $0.code == category } ?? children.first { $0.name == category }
        return row.map { Self.category($0, kind: kind) }
    }

    // MARK: Changing

    /// Adds a category named `name` under the kind `kind` (its code or Chinese name), last in order,
    /// with a generated code such as `dispute.c57`.
    @discardableResult
    public func add(kind: String, name: String, by caller: Caller) async throws -> CaseCategory {
        try caller.staff.require(.configureCases)
        var errors: [FieldError] = []
        let text = kind.trimmingCharacters(in: .whitespacesAndNewlines)
        let chosen = CaseKind(rawValue: text) ?? CaseKind.allCases.first { $0.chineseName == text }
        if chosen == nil {
            errors.append(text.isEmpty ? .required("kind", label: "事件类型") : FieldError(
                field: "kind", code: "invalid_choice",
                message: "事件类型应为:" + CaseKind.allCases.map(\.chineseName).joined(separator: "、")))
        }
        var checkedName: String?
        switch CaseCategoryName.check(name) {
        case .success(let value): checkedName = value
        case .failure(let error): errors.append(error)
        }
        guard errors.isEmpty, let kind = chosen, let name = checkedName else { throw DomainError.validation(errors) }
        return try await add(kind: kind, name: name, by: caller)
    }

    /// Adds a category named `name` under `kind`.
    @discardableResult
    public func add(kind: CaseKind, name: String, by caller: Caller) async throws -> CaseCategory {
        try caller.staff.require(.configureCases)
        let checked: String
        switch CaseCategoryName.check(name) {
        case .success(let value): checked = value
        case .failure(let error): throw DomainError.validation([error])
        }
        let name = checked
        let now = platform.clock.now().millisecondsSince1970
        let databaseKind = platform.database.kind
        return try await platform.database.write { db in
            let repository = CaseCategoryRepository(db)
            let parentID = try await Self.lockedKind(kind, in: db)
            let siblings = try await repository.children(of: parentID)
            if let same = siblings.first(where: { $0.name == name }) {
                throw DomainError.validation([CaseCategoryName.duplicate(name, kind: kind, inactive: same.active == 0)])
            }
            guard siblings.count < Self.maximumPerKind else {
                throw DomainError.validation([FieldError(
                    field: "name", code: "too_many",
                    message: "\(kind.chineseName)下的分类已达\(Self.maximumPerKind)个上限,请先整理或停用不用的分类")])
            }
            let position = (siblings.map(\.position).max() ?? 0) + 1
            // The code comes from the row's id, so two servers adding at once cannot pick the same one.
            let id = try await repository.insert(CaseCategoryRecord(
                parentId: parentID, code: "\(kind.rawValue).new-\(UUID().uuidString)", name: name, position: position))
            let category = CaseCategory(code: "\(kind.rawValue).c\(id)", kind: kind, name: name, active: true,
                                        position: position)
            try await repository.setCode(id: id, to: category.code)
            try await AuditTrail.append(
                AuditEntry(caller, action: "case_category.add", objectType: "case_category", objectID: category.code,
                           summary: try Self.summary(before: nil, after: category)),
                at: now, in: db, kind: databaseKind)
            return category
        }
    }

    @discardableResult
    public func rename(code: String, name: String, by caller: Caller) async throws -> CaseCategory {
        try await update(code: code, CaseCategoryChange(name: name), by: caller)
    }

    /// Offers the category again (`true`) or no longer (`false`); cases already filed keep it.
    @discardableResult
    public func setActive(code: String, _ active: Bool, by caller: Caller) async throws -> CaseCategory {
        try await update(code: code, CaseCategoryChange(active: active), by: caller)
    }

    /// Moves the category to `position` (from 1) among its kind's categories.
    @discardableResult
    public func move(code: String, position: Int, by caller: Caller) async throws -> CaseCategory {
        try await update(code: code, CaseCategoryChange(position: position), by: caller)
    }

    /// Applies every part of `change` to the category `code`, or none if any part is invalid. Each part
    /// that changes something is audited on its own (`case_category.rename`, `.activate`/`.deactivate`,
    /// `.move`); parts that change nothing write nothing.
    @discardableResult
    public func update(code: String, _ change: CaseCategoryChange, by caller: Caller) async throws -> CaseCategory {
        try caller.staff.require(.configureCases)
        guard !change.isEmpty else {
            throw DomainError.validation([FieldError(field: "name", code: "required", message: "请填写要修改的名称、状态或顺序")])
        }
        try await seedIfNeeded()
        let now = platform.clock.now().millisecondsSince1970
        let databaseKind = platform.database.kind
        return try await platform.database.write { db in
            let repository = CaseCategoryRepository(db)
            guard let row = try await repository.find(code: code), let id = row.id else {
                throw DomainError.notFound(what: "该事件分类")
            }
            guard let parentID = row.parentId else {
                throw DomainError.conflict(code: "fixed_kind", message: "一级分类(事件类型)由系统固定,不能改名、停用或移动")
            }
            guard let parent = try await repository.find(id: parentID, locking: true),
                  let kind = CaseKind(rawValue: parent.code)
            else { throw DomainError.notFound(what: "该事件分类") }
            let siblings = try await repository.children(of: parentID)
            var errors: [FieldError] = []
            var newName: String?
            if let raw = change.name {
                switch CaseCategoryName.check(raw) {
                case .success(let name):
                    if let same = siblings.first(where: { $0.name == name && $0.id != id }) {
                        errors.append(CaseCategoryName.duplicate(name, kind: kind, inactive: same.active == 0))
                    } else {
                        newName = name
                    }
                case .failure(let error): errors.append(error)
                }
            }
            if let position = change.position, position < 1 || position > siblings.count {
                errors.append(FieldError(
                    field: "position", code: "out_of_range",
                    message: "顺序须在1至\(siblings.count)之间(\(kind.chineseName)共有\(siblings.count)个分类)"))
            }
            guard errors.isEmpty else { throw DomainError.validation(errors) }

            var current = Self.category(row, kind: kind)
            current.position = (siblings.firstIndex { $0.id == id } ?? 0) + 1
            func record(_ action: String, _ before: CaseCategory, _ after: CaseCategory) async throws {
                try await AuditTrail.append(
                    AuditEntry(caller, action: action, objectType: "case_category", objectID: code,
                               summary: try Self.summary(before: before, after: after)),
                    at: now, in: db, kind: databaseKind)
            }
            if let newName, newName != current.name {
                var after = current
                after.name = newName
                try await repository.setName(id: id, to: newName)
                try await record("case_category.rename", current, after)
                current = after
            }
            if let active = change.active, active != current.active {
                var after = current
                after.active = active
                try await repository.setActive(id: id, to: active)
                try await record(active ? "case_category.activate" : "case_category.deactivate", current, after)
                current = after
            }
            if let position = change.position, position != current.position {
                var order = siblings.filter { $0.id != id }
                order.insert(row, at: position - 1)
                for (index, sibling) in order.enumerated() where sibling.position != index + 1 || sibling.id == id {
                    guard let siblingID = sibling.id else { continue }
                    try await repository.setPosition(id: siblingID, to: index + 1)
                }
                var after = current
                after.position = position
                try await record("case_category.move", current, after)
                current = after
            }
            return current
        }
    }

    // MARK: Seeding and loading

    /// The tree as stored, seeded first if it never was.
    func load() async throws -> CaseCategoryTree {
        let rows = try await platform.database.read { try await CaseCategoryRepository($0).all() }
        if Self.isSeeded(rows) { return Self.tree(rows) }
        try await seed()
        return Self.tree(try await platform.database.read { try await CaseCategoryRepository($0).all() })
    }

    private func seedIfNeeded() async throws {
        let rows = try await platform.database.read { try await CaseCategoryRepository($0).all() }
        if !Self.isSeeded(rows) { try await seed() }
    }

    private func seed() async throws {
        try await platform.database.write { try await Self.seed(in: $0) }
    }

    /// Inserts the kinds and the default categories that are missing. Safe to run any number of times,
    /// and by two servers at once: every insert does nothing when its code exists.
    static func seed(in db: any SQLDatabase) async throws {
        let repository = CaseCategoryRepository(db)
        for (index, kind) in CaseKind.allCases.enumerated() {
            try await repository.insertIfAbsent(CaseCategoryRecord(
                parentId: nil, code: kind.rawValue, name: kind.chineseName, position: index + 1))
        }
        for kind in CaseKind.allCases {
            guard let parentID = try await repository.find(code: kind.rawValue)?.id else { continue }
            for seed in CaseCategorySeed.categories(of: kind) {
                try await repository.insertIfAbsent(CaseCategoryRecord(
                    parentId: parentID, code: seed.code, name: seed.name, position: seed.position))
            }
        }
    }

    static func isSeeded(_ rows: [CaseCategoryRecord]) -> Bool {
        let kinds = Set(rows.filter { $0.parentId == nil }.map(\.code))
        return CaseKind.allCases.allSatisfy { kinds.contains($0.rawValue) }
    }

    static func tree(_ rows: [CaseCategoryRecord]) -> CaseCategoryTree {
        let kindIDs = Dictionary(
            rows.compactMap { row in row.parentId == nil ? row.id.map { (CaseKind(rawValue: row.code), $0) } : nil }
                .compactMap { kind, id in kind.map { ($0, id) } },
            uniquingKeysWith: { first, _ in first })
        let children = Dictionary(grouping: rows.filter { $0.parentId != nil }) { $0.parentId ?? 0 }
        return CaseCategoryTree(kinds: CaseKind.allCases.map { kind in
            let rows = kindIDs[kind].flatMap { children[$0] } ?? []
            let sorted = rows.sorted { ($0.position, $0.id ?? 0) < ($1.position, $1.id ?? 0) }
            return CaseCategoryTree.Branch(
                kind: kind, name: kind.chineseName,
                categories: sorted.enumerated().map { index, row in
                    var category = Self.category(row, kind: kind)
                    category.position = index + 1
                    return category
                })
        })
    }

    static func category(_ row: CaseCategoryRecord, kind: CaseKind) -> CaseCategory {
        CaseCategory(code: row.code, kind: kind, name: row.name, active: row.active != 0, position: row.position)
    }

    /// The kind's row id, locked for the rest of the transaction; seeds the tree first if needed.
    private static func lockedKind(_ kind: CaseKind, in db: any SQLDatabase) async throws -> Int64 {
        let repository = CaseCategoryRepository(db)
        if let id = try await repository.findLocked(code: kind.rawValue)?.id { return id }
        try await seed(in: db)
        guard let id = try await repository.findLocked(code: kind.rawValue)?.id else {
            throw DomainError.notFound(what: "事件类型")
        }
        return id
    }

    private struct Summary: Encodable {
        var before: CaseCategory?
        var after: CaseCategory
    }

    static func summary(before: CaseCategory?, after: CaseCategory) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Summary(before: before, after: after)), as: UTF8.self)
    }
}
