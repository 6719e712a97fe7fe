import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// 信访、调解统计 as the centres report them: visits in 人次, petitions in 批次 and 人, mediations received,
/// succeeded and their success rate and amount — per area and period, each number opening the list
/// behind it. Whoever sees cases reads the figures of their jurisdiction; the mediation figures only
/// those who see mediations (`MediationCases.seesMediations`: not department staff, unless they mediate).
/// Counted straight from the rows each time (indexed by area code and time), so a figure always equals its list.
public struct CentreFigures: Sendable {
    let platform: Platform

    public static let itemLimit = 200

    public init(platform: Platform) { self.platform = platform }

    /// The table of `area` (the jurisdiction's root when nil) for the period `from`–`to` (month to date when
    /// both are nil).
    public func table(area: String?, from: String?, to: String?, caller: Caller) async throws -> FigureTable {
        let staff = caller.staff
        try staff.require(.viewCases)
        let atlas = try await platform.areaAtlas()
        let period = try ReportingPeriod.parse(from: from, to: to, today: CivilDate(containing: platform.clock.now()))
        let node = try Self.area(area, staff: staff, atlas: atlas)
        let range = Jurisdiction(root: node.code)
        let children = atlas.children(of: node.code.rawValue)
        let groupLength = children.first.flatMap { AreaCode($0.code) }.map { Jurisdiction(root: $0).prefix.count }
        let mediations = MediationCases.seesMediations(staff)
        let (total, groups) = try await platform.database.read { db in
            let repository = CentreFigureRepository(db)
            func counts(_ length: Int?) async throws -> [String: FigureRow] {
                let petitions = try await repository.petitions(
                    codesFrom: range.prefix, below: range.upperBound, received: period.milliseconds, groupLength: length)
                let mediated = mediations ? try await repository.mediations(
                    codesFrom: range.prefix, below: range.upperBound, during: period.milliseconds, groupLength: length) : [:]
                var rows: [String: FigureRow] = [:]
                for key in Set(petitions.keys).union(mediated.keys) {
                    rows[key] = Self.row(petitions[key], mediated[key])
                }
                return rows
            }
            let total = try await counts(nil)[""] ?? FigureRow()
            return (total, groupLength == nil ? [:] : try await counts(groupLength))
        }
        var rows = children.map { child in
            let key = Jurisdiction(root: AreaCode(child.code) ?? node.code).prefix
            return FigureTable.Row(areaCode: child.code, areaName: child.name, drillable: true, figures: groups[key] ?? FigureRow())
        }
        // Matters registered at the area itself (a township's own mediation committee, a petition filed at the
        // township) fall under no child: they get the area's own row.
        let childKeys = Set(children.map { Jurisdiction(root: AreaCode($0.code) ?? node.code).prefix })
        let own = groups.filter { !childKeys.contains($0.key) }.values.reduce(FigureRow(), +)
        if own != FigureRow() {
            rows.append(FigureTable.Row(areaCode: node.code.rawValue, areaName: "\(node.name)本级", drillable: false, figures: own))
        }
        let parent = atlas.node(node.code.rawValue)?.parentCode.flatMap { staff.jurisdiction.contains($0) ? $0 : nil }
        return FigureTable(areaCode: node.code.rawValue, areaName: node.name, parentCode: parent, period: period,
                           total: total, rows: rows, includesMediations: mediations)
    }

    /// The petitions or mediations behind `figure` of `area` for the period, newest first (at most `itemLimit`).
    public func items(figure: String?, area: String?, from: String?, to: String?, caller: Caller) async throws -> FigureItems {
        let staff = caller.staff
        try staff.require(.viewCases)
        guard let figure = figure.flatMap({ CentreFigure(rawValue: $0) }) else {
            throw DomainError.validation([FieldError(field: "figure", code: "unknown", message: "没有这项统计指标")])
        }
        let atlas = try await platform.areaAtlas()
        let period = try ReportingPeriod.parse(from: from, to: to, today: CivilDate(containing: platform.clock.now()))
        let node = try Self.area(area, staff: staff, atlas: atlas)
        let range = Jurisdiction(root: node.code)
        let limit = Self.itemLimit + 1
        let found: [CentreFigureRepository.Item] = try await platform.database.read { db in
            let repository = CentreFigureRepository(db)
            if figure.isPetition {
                return try await repository.petitionItems(
                    codesFrom: range.prefix, below: range.upperBound, received: period.milliseconds,
                    condition: Self.petitionCondition(figure), limit: limit)
            }
            guard MediationCases.seesMediations(staff) else { return [] }
            let (column, condition) = Self.mediationCondition(figure)
            return try await repository.mediationItems(
                codesFrom: range.prefix, below: range.upperBound, timeColumn: column, during: period.milliseconds,
                condition: condition, limit: limit)
        }
        let items = found.prefix(Self.itemLimit).map { item in
            let petition = figure.isPetition
            return FigureItems.Item(
                kind: petition ? "petition" : "mediation",
                link: petition ? "/petitions/\(item.id)" : "/mediation/cases/\(item.number)", number: item.number,
                at: Date(millisecondsSince1970: item.at), areaCode: item.code, areaName: atlas.node(item.code)?.name,
                stateName: (petition ? PetitionState(rawValue: item.state)?.chineseName
                    : MediationCaseState(rawValue: item.state)?.chineseName) ?? item.state,
                summary: String(item.text.prefix(60)), persons: item.persons, amountFen: item.amountFen)
        }
        return FigureItems(figure: figure, figureName: figure.chineseName, areaCode: node.code.rawValue, areaName: node.name,
                           period: period, items: Array(items), truncated: found.count > Self.itemLimit)
    }

    // MARK: Helpers

    /// Area `code` (the jurisdiction's root when nil) if it is on the map inside the jurisdiction, else 404.
    static func area(_ code: String?, staff: Staff, atlas: AreaAtlas) throws -> (code: AreaCode, name: String) {
        let raw = code?.trimmingCharacters(in: .whitespaces)
        let chosen = (raw?.isEmpty ?? true) ? staff.jurisdiction.root.rawValue : raw ?? ""
        guard let area = AreaCode(chosen), staff.jurisdiction.contains(area), let node = atlas.node(area.rawValue) else {
            throw DomainError.notFound(what: "该区域")
        }
        return (area, node.name)
    }

    static func row(_ p: CentreFigureRepository.PetitionCounts?, _ m: CentreFigureRepository.MediationCounts?) -> FigureRow {
        var row = FigureRow()
        if let p {
            row.petitionBatches = Int(p.batches)
            row.petitionPersons = Int(p.persons)
            row.petitioners = Int(p.petitioners)
            row.visitBatches = Int(p.visitBatches)
            row.visitPersons = Int(p.visitPersons)
            row.collectiveVisits = Int(p.collective)
            row.repeatPetitions = Int(p.repeated)
            row.acceptedPetitions = Int(p.accepted)
        }
        if let m {
            row.mediationsReceived = Int(m.received)
            row.mediationAmountFen = m.amountFen
            row.mediationsSucceeded = Int(m.succeeded)
            row.mediationsPartial = Int(m.partial)
            row.mediationsFailed = Int(m.failed)
        }
        return row
    }

    /// The petitions a figure counts (constant SQL, never from input).
    static func petitionCondition(_ figure: CentreFigure) -> SQLQueryString {
        switch figure {
        case .visitBatches, .visitPersons: "form = 'visit'"
        case .collectiveVisits: "collective = 1"
        case .repeatPetitions: "repeated = 1"
        case .acceptedPetitions: "decision = 'accept'"
        default: "1 = 1"
        }
    }

    /// The time column and condition of the mediations a figure counts: opened ones by `created_at`, ended
    /// ones by `closed_at`.
    static func mediationCondition(_ figure: CentreFigure) -> (String, SQLQueryString) {
        switch figure {
        case .mediationsSucceeded: ("closed_at", "state = 'succeeded'")
        case .mediationsPartial: ("closed_at", "state = 'partial'")
        case .mediationsFailed: ("closed_at", "state = 'failed'")
        case .mediationAmount: ("created_at", "amount_fen > 0")
        default: ("created_at", "1 = 1")
        }
    }
}
