import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// Imports areas: a table (CSV or XLSX) of codes, names and parents, and a GeoJSON FeatureCollection
/// whose features carry the boundaries (`properties.code`). Every row and boundary is checked, then
/// every family the file touches (outside the parent, overlapping siblings, gaps). The code is the
/// natural key: a known area with a new name or boundary is renamed or redrawn, with history;
/// an identical one is left alone. All or nothing.
public struct AreaImport: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    static let columns = ImportColumns(columns: [
        .init(field: "code", names: ["代码", "区划代码", "网格编码", "编码"], required: true),
        .init(field: "name", names: ["名称"], required: true),
        .init(field: "parentCode", names: ["上级代码", "上级编码"], required: false),
        .init(field: "gridKind", names: ["网格类型"], required: false),
        .init(field: "aliases", names: ["别名"], required: false),
    ])

    struct Row {
        let number: Int
        let record: AreaRecord
        let boundary: GeoBoundary?
    }

    public func run(table data: Data, filename: String, boundaries geoJSON: Data?, caller: Caller) async throws -> ImportReport {
        try caller.staff.require(.importData)
        try caller.staff.require(.editMap)
        let table = try ImportColumns.read(data, filename: filename)
        let (index, missing) = Self.columns.locate(in: table)
        var problems = ImportColumns.rowProblems(table) + missing
        guard missing.isEmpty else { return .refused(rows: table.rows.count, problems: problems) }
        let shapes = try Self.features(geoJSON)
        let existing = try await platform.database.read { try await AreaRepository($0).allActive() }
        var known = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let nowMs = platform.clock.now().millisecondsSince1970
        let today = ChinaTime.dayString(platform.clock.now())
        var rows: [Row] = []
        for row in table.rows {
            func cell(_ field: String) -> String { index[field].map { row[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func problem(_ field: String, _ code: String, _ message: String) {
                problems.append(ImportColumns.problem(FieldError(field: field, code: code, message: message), row: row.number,
                                                      index: index))
            }
            guard let code = AreaCode(cell("code")) else { problem("code", "invalid_format", "代码应为12、15或18位数字"); continue }
            guard caller.staff.jurisdiction.contains(code) else { problem("code", "outside_jurisdiction", "代码不在本辖区内"); continue }
            let name = cell("name")
            guard !name.isEmpty, name.count <= 40 else { problem("name", "required", "请填写名称(最多40个字)"); continue }
            let level = code.level
            let parentCode = cell("parentCode").isEmpty ? nil : cell("parentCode")
            if level != .city {
                guard let parentCode, let parent = known[parentCode], let parentLevel = AreaLevel(rawValue: parent.level),
                      parentLevel.depth + 1 == level.depth, code.rawValue.hasPrefix(Jurisdiction(root: AreaCode(parentCode) ?? code).prefix)
                else {
                    problem("parentCode", "unknown_parent", "上级代码不存在,或与本区域的代码、层级不相符"); continue
                }
            }
            var kind: GridKind?
            if level == .grid {
                let text = cell("gridKind")
                kind = text.isEmpty ? .ordinary : GridKind(rawValue: text) ?? GridKind.allCases.first { $0.chineseName == text }
                if kind == nil { problem("gridKind", "invalid_choice", "网格类型不在可选范围内"); continue }
            }
            var boundary: GeoBoundary?
            if let text = shapes[code.rawValue] {
                switch GeoBoundary.read(geoJSON: text, areaCode: code) {
                case .success(let value): boundary = value
                case .failure(let rejection):
                    for item in rejection.problems { problem("boundary", item.code.rawValue, item.message) }
                    continue
                }
            }
            let box = boundary?.boundingBox
            let record = AreaRecord(
                code: code.rawValue, parentCode: parentCode, level: level.rawValue, gridKind: kind?.rawValue, name: name,
                boundary: boundary?.geoJSON(), minLat: box?.minLatitude, minLon: box?.minLongitude,
                maxLat: box?.maxLatitude, maxLon: box?.maxLongitude, createdAt: nowMs, effectiveFrom: today,
                aliases: cell("aliases").split(whereSeparator: { "|、,，".contains($0) }).joined(separator: "|"),
                areaM2: boundary?.squareMetres)
            rows.append(Row(number: row.number, record: record, boundary: boundary))
            known[code.rawValue] = record
        }
        problems += Self.familyProblems(rows, known: known)
        guard problems.isEmpty else { return .refused(rows: table.rows.count, problems: problems) }
        let counts = try await write(rows, existing: existing, today: today, nowMs: nowMs, filename: filename, caller: caller)
        platform.atlas.invalidate()
        return .applied(rows: table.rows.count, counts: counts, problems: [])
    }

    /// `properties.code` → geometry text, from a FeatureCollection.
    static func features(_ data: Data?) throws -> [String: String] {
        guard let data, !data.isEmpty else { return [:] }
        _ = try UploadRule.geoJSON(maxBytes: SheetLimits.standard.maxFileBytes).check(data)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let features = object["features"] as? [[String: Any]]
        else {
            throw DomainError.validation([FieldError(field: "boundaries", code: "invalid_geojson",
                                                     message: "边界文件应为 GeoJSON FeatureCollection")])
        }
        var shapes: [String: String] = [:]
        for feature in features {
            let properties = feature["properties"] as? [String: Any]
            guard let code = (properties?["code"] ?? properties?["代码"]).map({ "\($0)" }),
                  let geometry = feature["geometry"], JSONSerialization.isValidJSONObject(geometry),
                  let text = try? JSONSerialization.data(withJSONObject: geometry)
            else { continue }
            shapes[code] = String(decoding: text, as: UTF8.self)
        }
        return shapes
    }

    /// Boundary problems of every family the file touches, each filed on the row of the area it names.
    static func familyProblems(_ rows: [Row], known: [String: AreaRecord]) -> [ImportReport.Problem] {
        let rowOf = Dictionary(rows.map { ($0.record.code, $0.number) }, uniquingKeysWith: { first, _ in first })
        let parents = Set(rows.compactMap(\.record.parentCode) + rows.map(\.record.code))
        var children: [String: [AreaRecord]] = [:]
        for record in known.values { if let parent = record.parentCode { children[parent, default: []].append(record) } }
        var problems: [ImportReport.Problem] = []
        let check = BoundaryCheck()
        for parentCode in parents.sorted() {
            guard let parent = known[parentCode], let parentShape = parent.boundary.map(GeoPolygon.polygons(geoJSON:)),
                  !parentShape.isEmpty, let code = AreaCode(parentCode)
            else { continue }
            let members = (children[parentCode] ?? []).compactMap { child -> BoundaryCheck.Area? in
                guard let shape = child.boundary.map(GeoPolygon.polygons(geoJSON:)), !shape.isEmpty,
                      let childCode = AreaCode(child.code) else { return nil }
                return .init(code: childCode, boundary: GeoBoundary(polygons: shape),
                             tilesParent: child.gridKind == nil || child.gridKind == GridKind.ordinary.rawValue)
            }
            guard !members.isEmpty else { continue }
            for problem in check.problems(parent: .init(code: code, boundary: GeoBoundary(polygons: parentShape)), children: members) {
                let about = problem.areaCode?.rawValue ?? parentCode
                problems.append(.init(row: rowOf[about] ?? problem.otherAreaCode.flatMap { rowOf[$0.rawValue] }, column: nil,
                                      field: "boundary", code: problem.code.rawValue, message: problem.message))
            }
        }
        return problems
    }

    private func write(
        _ rows: [Row], existing: [AreaRecord], today: String, nowMs: Int64, filename: String, caller: Caller
    ) async throws -> ImportCounts {
        let kind = platform.database.kind
        let before = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return try await platform.database.write { db in
            let areas = AreaRepository(db)
            var counts = ImportCounts()
            func record(_ code: String, _ change: String, _ after: String) async throws {
                try await areas.recordChange(AreaChangeRecord(
                    areaCode: code, change: change, effectiveOn: today, before: "{}", after: after, relatedCodes: "",
                    accountId: caller.staff.accountID, recordedAt: nowMs))
            }
            for row in rows {
                let new = row.record
                guard let old = before[new.code] else {
                    try await areas.insert([new])
                    try await record(new.code, "created", #"{"source":"import"}"#)
                    counts.created += 1
                    continue
                }
                var changed = false
                if old.name != new.name || old.aliases != new.aliases {
                    try await areas.rename(code: new.code, name: new.name, aliases: new.aliases)
                    try await record(new.code, "renamed", #"{"source":"import"}"#)
                    changed = true
                }
                if let boundary = row.boundary, let text = new.boundary, text != old.boundary,
                   let minLat = new.minLat, let minLon = new.minLon, let maxLat = new.maxLat, let maxLon = new.maxLon {
                    try await areas.setBoundary(code: new.code, geoJSON: text, box: (minLat, minLon, maxLat, maxLon),
                                                squareMetres: boundary.squareMetres)
                    try await record(new.code, "redrawn", #"{"source":"import"}"#)
                    changed = true
                }
                if changed { counts.updated += 1 } else { counts.unchanged += 1 }
            }
            try await AuditTrail.append(counts.auditEntry(caller, list: "areas", filename: filename), at: nowMs, in: db,
                                        kind: kind)
            try await AreaAtlasCache.markChanged(in: db)
            return counts
        }
    }
}
