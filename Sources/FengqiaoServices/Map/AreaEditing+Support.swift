import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension AreaEditing {
    /// What every edit starts from: permission, jurisdiction and the current map.
    struct Context {
        let atlas: AreaAtlas
        let nowMs: Int64
        let today: String

        func node(_ code: String) throws(DomainError) -> AreaNode {
            guard let node = atlas.node(code) else { throw .notFound(what: "区域") }
            return node
        }

        /// Refuses a change that puts a child outside its parent or over a sibling, or that opens a new
        /// gap in the parent (unless `acceptGaps`). `replacing` leave the family; `with` join it.
        func checkFamily(
            of parentCode: String?, replacing: [String], with added: [(code: String, node: AreaNode, boundary: GeoBoundary)],
            acceptGaps: Bool
        ) throws(DomainError) {
            guard let parentCode, let parent = atlas.node(parentCode), !parent.polygons.isEmpty,
                  let parentArea = AreaCode(parentCode)
            else { return }
            func member(_ code: String, _ node: AreaNode, _ boundary: GeoBoundary) -> BoundaryCheck.Area? {
                // Placeholder codes of areas not yet numbered borrow the parent's code in messages.
                BoundaryCheck.Area(code: AreaCode(code) ?? parentArea, boundary: boundary,
                                   tilesParent: node.gridKind == nil || node.gridKind == .ordinary)
            }
            let current = atlas.children(of: parentCode).filter { !$0.polygons.isEmpty }
            let before = current.compactMap { member($0.code, $0, GeoBoundary(polygons: $0.polygons)) }
            let after = current.filter { !replacing.contains($0.code) }.compactMap {
                member($0.code, $0, GeoBoundary(polygons: $0.polygons))
            } + added.compactMap { member($0.code, $0.node, $0.boundary) }
            let parentMember = BoundaryCheck.Area(code: parentArea, boundary: GeoBoundary(polygons: parent.polygons))
            let check = BoundaryCheck()
            let changed = Set(added.compactMap { AreaCode($0.code) ?? parentArea })
            var problems = check.problems(parent: parentMember, children: after).filter { problem in
                switch problem.code {
                case .outsideParent, .overlapsSibling:
                    return problem.areaCode.map(changed.contains) == true
                        || problem.otherAreaCode.map(changed.contains) == true
                case .gapInParent: return !acceptGaps
                default: return true
                }
            }
            if let gapAfter = problems.first(where: { $0.code == .gapInParent })?.squareMetres {
                let gapBefore = check.problems(parent: parentMember, children: before)
                    .first { $0.code == .gapInParent }?.squareMetres ?? 0
                // Only a gap this change opens (or widens) is the caller's to answer for.
                if gapAfter <= gapBefore + BoundaryTolerance.standard.minimumSquareMetres {
                    problems.removeAll { $0.code == .gapInParent }
                }
            }
            if !problems.isEmpty { throw BoundaryRejection(problems).domainError() }
        }

        /// Refuses parts that do not cover `node` exactly.
        func checkTiling(_ node: AreaNode, _ parts: [GeoBoundary]) throws(DomainError) {
            guard let code = AreaCode(node.code), !node.polygons.isEmpty else { return }
            let problems = BoundaryCheck().problems(
                parent: .init(code: code, boundary: GeoBoundary(polygons: node.polygons)),
                children: parts.map { .init(code: code, boundary: $0) })
            if !problems.isEmpty { throw BoundaryRejection(problems).domainError(field: "parts") }
        }
    }

    func prepare(_ caller: Caller, codes: [String]) async throws -> Context {
        try caller.staff.require(.editMap)
        for code in codes { try caller.staff.requireInside(code, "区域") }
        let now = platform.clock.now()
        return Context(atlas: try await platform.areaAtlas(), nowMs: now.millisecondsSince1970,
                       today: ChinaTime.dayString(now))
    }

    typealias ChangeLog = (
        _ code: String, _ change: String, _ day: String, _ before: [String: any Sendable],
        _ after: [String: any Sendable], _ related: [String]
    ) async throws -> Void

    /// Runs `body` in one transaction with a change logger that records history and audit, marks
    /// the map changed, and drops this instance's atlas after the commit.
    func commit<T: Sendable>(
        _ context: Context, _ caller: Caller,
        _ body: @Sendable @escaping (any SQLDatabase, ChangeLog) async throws -> T
    ) async throws -> T {
        let kind = platform.database.kind
        let result = try await platform.database.write { db in
            let log: ChangeLog = { code, change, day, before, after, related in
                let (beforeJSON, afterJSON) = (AuditEntry.summary(before), AuditEntry.summary(after))
                try await AreaRepository(db).recordChange(AreaChangeRecord(
                    areaCode: code, change: change, effectiveOn: day, before: beforeJSON, after: afterJSON,
                    relatedCodes: related.joined(separator: "|"), accountId: caller.staff.accountID,
                    recordedAt: context.nowMs))
                try await AuditTrail.append(
                    AuditEntry(caller, action: "area.\(change)", objectType: "area", objectID: code,
                               summary: #"{"before":\#(beforeJSON),"after":\#(afterJSON)}"#),
                    at: context.nowMs, in: db, kind: kind)
            }
            let result = try await body(db, log)
            try await AreaAtlasCache.markChanged(in: db)
            return result
        }
        platform.atlas.invalidate()
        return result
    }

    static func day(_ text: String?, _ today: String) throws(DomainError) -> String {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return today }
        guard ChinaTime.date(ofDay: text) != nil else {
            throw .validation([FieldError(field: "effectiveOn", code: "invalid_format", message: "生效日期格式应为 2026-01-31")])
        }
        return text
    }

    static func name(_ text: String) throws(DomainError) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .validation([.required("name", label: "名称")]) }
        guard name.count <= 40 else { throw .validation([.tooLong("name", label: "名称", max: 40)]) }
        return name
    }

    static func boundary(_ text: String, code: String?, field: String = "boundary") throws(DomainError) -> GeoBoundary {
        switch GeoBoundary.read(geoJSON: text, areaCode: code.flatMap(AreaCode.init)) {
        case .success(let boundary): return boundary
        case .failure(let rejection): throw rejection.domainError(field: field)
        }
    }

    static func box(_ boundary: GeoBoundary) throws -> (minLat: Double, minLon: Double, maxLat: Double, maxLon: Double) {
        guard let box = boundary.boundingBox else { throw DomainError.validation([.required("boundary", label: "边界")]) }
        return (box.minLatitude, box.minLongitude, box.maxLatitude, box.maxLongitude)
    }

    static func childLevel(of parent: AreaNode) throws(DomainError) -> AreaLevel {
        switch parent.level {
        case .village: .grid
        case .grid: .microGrid
        default: throw .conflict(code: "not_editable", message: "只能在村(社区)下新建网格、在网格下新建微网格")
        }
    }

    /// Fresh codes under `parent`: after the highest sequence ever used there, retired ones included,
    /// so a code never comes back with another meaning.
    static func nextCodes(under parent: AreaNode, level: AreaLevel, count: Int, _ db: any SQLDatabase) async throws
        -> [String]
    {
        guard let parentCode = AreaCode(parent.code) else { throw DomainError.notFound(what: "上级区域") }
        let used = try await AreaRepository(db).allChildren(of: parent.code).compactMap { Int($0.code.suffix(3)) }
        let start = (used.max() ?? 0) + 1
        let codes = (start..<(start + count)).compactMap { parentCode.child($0, at: level)?.rawValue }
        guard codes.count == count else {
            throw DomainError.conflict(code: "codes_exhausted", message: "该区域下的编码已用尽(最多999个)")
        }
        return codes
    }

    static func record(
        _ code: String, parent: String, level: AreaLevel, kind: GridKind?, name: String, _ boundary: GeoBoundary,
        _ day: String, _ nowMs: Int64
    ) -> AreaRecord {
        let box = boundary.boundingBox
        return AreaRecord(
            code: code, parentCode: parent, level: level.rawValue, gridKind: kind?.rawValue, name: name,
            boundary: boundary.geoJSON(), minLat: box?.minLatitude, minLon: box?.minLongitude,
            maxLat: box?.maxLatitude, maxLon: box?.maxLongitude, createdAt: nowMs, effectiveFrom: day,
            areaM2: boundary.squareMetres)
    }
}
