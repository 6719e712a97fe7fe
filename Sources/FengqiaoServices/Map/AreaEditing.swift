import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Re-drawing the map with history: renames, new boundaries, new grids, splits and merges. A change
/// that retires an area keeps its row (status `retired`), so cases filed under it still name it, and
/// every change is recorded in `area_changes` with the day it takes effect, and audited.
///
/// Boundaries are checked as they come in and against the family: a grid outside its village or
/// overlapping a sibling is refused; a change that opens a gap in the parent is refused unless the
/// caller accepts the gap explicitly (e.g. while re-drawing several grids one after another).
public struct AreaEditing: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// A new area's name and GeoJSON boundary.
    public struct Part: Sendable {
        public var name: String
        public var boundary: String

        public init(name: String, boundary: String) {
            self.name = name
            self.boundary = boundary
        }
    }

    public func rename(code: String, to name: String, aliases: [String] = [], effectiveOn: String?, caller: Caller) async throws {
        let context = try await prepare(caller, codes: [code])
        let (node, day) = (try context.node(code), try Self.day(effectiveOn, context.today))
        let newName = try Self.name(name)
        let aliasText = aliases.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "|")
        try await commit(context, caller) { db, log in
            try await AreaRepository(db).rename(code: code, name: newName, aliases: aliasText)
            try await log(code, "renamed", day, ["name": node.name], ["name": newName, "aliases": aliasText], [])
        }
    }

    /// Gives `code` a new boundary.
    public func redraw(code: String, boundary text: String, effectiveOn: String?, acceptGaps: Bool = false, caller: Caller)
        async throws
    {
        let context = try await prepare(caller, codes: [code])
        let (node, day) = (try context.node(code), try Self.day(effectiveOn, context.today))
        let boundary = try Self.boundary(text, code: code)
        try context.checkFamily(of: node.parentCode, replacing: [code], with: [(code, node, boundary)], acceptGaps: acceptGaps)
        try await commit(context, caller) { db, log in
            try await AreaRepository(db).setBoundary(code: code, geoJSON: boundary.geoJSON(), box: try Self.box(boundary),
                                                     squareMetres: boundary.squareMetres)
            try await log(code, "redrawn", day, ["squareMetres": Int(node.squareMetres)],
                          ["squareMetres": Int(boundary.squareMetres)], [])
        }
    }

    /// Adds a grid (under a village) or a micro-grid (under a grid); special grids (学校, 园区 …) may
    /// lie over ordinary ones. Returns the new code.
    @discardableResult
    public func create(
        parent parentCode: String, part: Part, kind: GridKind = .ordinary, effectiveOn: String?, acceptGaps: Bool = false,
        caller: Caller
    ) async throws -> String {
        let context = try await prepare(caller, codes: [parentCode])
        let (parent, day) = (try context.node(parentCode), try Self.day(effectiveOn, context.today))
        let level = try Self.childLevel(of: parent)
        let name = try Self.name(part.name)
        let boundary = try Self.boundary(part.boundary, code: nil)
        let probe = AreaNode(code: "new", parentCode: parentCode, level: level, gridKind: level == .grid ? kind : nil,
                             name: name, aliases: [], polygons: [])
        try context.checkFamily(of: parentCode, replacing: [], with: [("new", probe, boundary)], acceptGaps: acceptGaps)
        return try await commit(context, caller) { db, log in
            let code = try await Self.nextCodes(under: parent, level: level, count: 1, db)[0]
            try await AreaRepository(db).insert([Self.record(code, parent: parentCode, level: level,
                                                             kind: probe.gridKind, name: name, boundary, day, context.nowMs)])
            try await log(code, "created", day, [:], ["name": name, "parent": parentCode], [])
            return code
        }
    }

    /// Replaces `code` by `parts`, which must cover it exactly (no gap, no overlap, nothing outside).
    /// Only areas without active children split (re-draw their micro-grids first). Returns the new codes.
    public func split(code: String, into parts: [Part], effectiveOn: String?, caller: Caller) async throws -> [String] {
        let context = try await prepare(caller, codes: [code])
        let (node, day) = (try context.node(code), try Self.day(effectiveOn, context.today))
        guard let parentCode = node.parentCode, [.grid, .microGrid].contains(node.level) else {
            throw DomainError.conflict(code: "not_editable", message: "只能拆分网格和微网格;行政区划调整请通过导入办理")
        }
        guard parts.count >= 2, parts.count <= 20 else {
            throw DomainError.validation([FieldError(field: "parts", code: "count", message: "拆分需要2至20个新区域")])
        }
        guard context.atlas.children(of: code).isEmpty else {
            throw DomainError.conflict(code: "has_children", message: "该网格下还有微网格,请先调整微网格")
        }
        let boundaries = try parts.enumerated().map { i, part in (try Self.name(part.name), try Self.boundary(part.boundary, code: nil, field: "parts[\(i)].boundary")) }
        // The parts must tile the old area exactly.
        try context.checkTiling(node, boundaries.map(\.1))
        let siblings = boundaries.enumerated().map { i, b in
            ("new\(i)", AreaNode(code: "new\(i)", parentCode: parentCode, level: node.level, gridKind: node.gridKind,
                                 name: b.0, aliases: [], polygons: []), b.1)
        }
        try context.checkFamily(of: parentCode, replacing: [code], with: siblings, acceptGaps: false)
        guard let parent = context.atlas.node(parentCode) else { throw DomainError.notFound(what: "上级区域") }
        return try await commit(context, caller) { db, log in
            let codes = try await Self.nextCodes(under: parent, level: node.level, count: parts.count, db)
            let areas = AreaRepository(db)
            try await areas.retire(code: code, on: day)
            for (newCode, (name, boundary)) in zip(codes, boundaries) {
                try await areas.insert([Self.record(newCode, parent: parentCode, level: node.level, kind: node.gridKind,
                                                    name: name, boundary, day, context.nowMs)])
                try await log(newCode, "created", day, [:], ["name": name, "splitFrom": code], [code])
            }
            try await log(code, "split", day, ["name": node.name], ["into": codes.joined(separator: "|")], codes)
            return codes
        }
    }

    /// Replaces sibling areas `codes` by one area named `name` whose boundary is all of theirs.
    /// Returns the new code.
    public func merge(codes: [String], into name: String, effectiveOn: String?, caller: Caller) async throws -> String {
        let unique = Array(Set(codes)).sorted()
        let context = try await prepare(caller, codes: unique)
        guard unique.count >= 2 else {
            throw DomainError.validation([FieldError(field: "codes", code: "count", message: "合并至少需要两个区域")])
        }
        let nodes = try unique.map { try context.node($0) }
        let day = try Self.day(effectiveOn, context.today)
        let newName = try Self.name(name)
        guard let first = nodes.first, let parentCode = first.parentCode, [.grid, .microGrid].contains(first.level),
              nodes.allSatisfy({ $0.parentCode == parentCode && $0.level == first.level && $0.gridKind == first.gridKind })
        else {
            throw DomainError.conflict(code: "not_siblings", message: "只能合并同一上级下同类的网格或微网格")
        }
        guard nodes.allSatisfy({ context.atlas.children(of: $0.code).isEmpty }) else {
            throw DomainError.conflict(code: "has_children", message: "待合并网格下还有微网格,请先调整微网格")
        }
        guard let parent = context.atlas.node(parentCode) else { throw DomainError.notFound(what: "上级区域") }
        let boundary = GeoBoundary(polygons: nodes.flatMap(\.polygons))
        return try await commit(context, caller) { db, log in
            let code = try await Self.nextCodes(under: parent, level: first.level, count: 1, db)[0]
            let areas = AreaRepository(db)
            try await areas.insert([Self.record(code, parent: parentCode, level: first.level, kind: first.gridKind,
                                                name: newName, boundary, day, context.nowMs)])
            try await log(code, "created", day, [:], ["name": newName, "mergedFrom": unique.joined(separator: "|")], unique)
            for node in nodes {
                try await areas.retire(code: node.code, on: day)
                try await log(node.code, "merged", day, ["name": node.name], ["into": code], [code])
            }
            return code
        }
    }

    /// Moves grid `code` under another village (a micro-grid under another grid): it gets a new code
    /// there and the old one retires, so cases filed under the old code keep it. The boundary must lie
    /// inside the new parent without overlapping its grids; the gap it leaves behind must be accepted.
    public func move(code: String, to parentCode: String, effectiveOn: String?, acceptGaps: Bool = false, caller: Caller)
        async throws -> String
    {
        let context = try await prepare(caller, codes: [code, parentCode])
        let (node, newParent, day) = (try context.node(code), try context.node(parentCode), try Self.day(effectiveOn, context.today))
        guard [.grid, .microGrid].contains(node.level), node.parentCode != parentCode,
              newParent.level.depth + 1 == node.level.depth
        else {
            throw DomainError.conflict(code: "not_movable", message: "只能把网格移到另一个村(社区)、把微网格移到另一个网格")
        }
        guard context.atlas.children(of: code).isEmpty else {
            throw DomainError.conflict(code: "has_children", message: "该网格下还有微网格,请先调整微网格")
        }
        let boundary = GeoBoundary(polygons: node.polygons)
        try context.checkFamily(of: parentCode, replacing: [], with: [("new", node, boundary)], acceptGaps: true)
        try context.checkFamily(of: node.parentCode, replacing: [code], with: [], acceptGaps: acceptGaps)
        return try await commit(context, caller) { db, log in
            let newCode = try await Self.nextCodes(under: newParent, level: node.level, count: 1, db)[0]
            let areas = AreaRepository(db)
            try await areas.insert([Self.record(newCode, parent: parentCode, level: node.level, kind: node.gridKind,
                                                name: node.name, boundary, day, context.nowMs)])
            try await areas.retire(code: code, on: day)
            try await log(newCode, "created", day, [:], ["name": node.name, "movedFrom": code], [code])
            try await log(code, "moved", day, ["parent": node.parentCode ?? ""], ["parent": parentCode, "code": newCode], [newCode])
            return newCode
        }
    }

    /// The changes that involve `code`, oldest first (visible like the area itself).
    public func history(code: String, caller: Caller) async throws -> [AreaChangeRecord] {
        try caller.staff.require(.viewMap)
        try caller.staff.requireInside(code, "区域")
        // Retired areas have a history too, so the table is asked, not the atlas.
        let (known, changes) = try await platform.database.read { db in
            (try await AreaRepository(db).find(code: code), try await AreaRepository(db).changes(involving: code))
        }
        guard known != nil else { throw DomainError.notFound(what: "区域") }
        return changes
    }
}
