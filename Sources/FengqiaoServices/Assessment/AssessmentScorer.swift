import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Scores a period for one kind of unit from the work itself: the case histories (tallied by
/// `CaseAssessmentTally`), concluded mediations, patrols and visits; adds the approved awards and deductions, takes out
/// what upheld appeals excluded, ranks each county's units and stores it all in one transaction.
///
/// Reproducible: only events before the period's end are read, and once a period has ended its run keeps the template
/// it was first scored by after the end; recomputing then gives the same numbers unless an award, deduction or appeal
/// was decided in between.
struct AssessmentScorer: Sendable {
    let platform: Platform
    let adjustments: any AssessmentAdjustmentSource

    /// The case event types the tally reads.
    static let eventTypes: [String] = [
        "reported", "accepted", "dispatched", "reassigned", "signed_for", "returned", "return_upheld",
        "extension_approved", "feedback_given", "escalated", "closed", "revisited", "supervised", "whistled",
        "checked_in",
    ]
    /// Units in the last place of their county's ranking, or under this many points, are marked for 约谈.
    static let talkFloor = 60.0

    /// The period keys whose manual points and appeals count for `period`: a quarter takes its months'.
    static func adjustmentKeys(_ period: AssessmentPeriod) -> [String] {
        period.kind == .quarter ? [period.key] + period.months.map(\.key) : [period.key]
    }

    /// The template a period is scored by: the one its run froze after the period ended, else the current one.
    func template(for period: AssessmentPeriod, kind: AssessedUnitKind) async throws -> AssessmentTemplate {
        try await platform.database.read { db in try await Self.template(for: period, kind: kind, in: db) }
    }

    /// `template(for:kind:)` read in `db` (a transaction the caller holds).
    static func template(for period: AssessmentPeriod, kind: AssessedUnitKind, in db: any SQLDatabase) async throws
        -> AssessmentTemplate
    {
        let repository = AssessmentRepository(db)
        let run = try await repository.run(periodKey: period.key, unitKind: kind.rawValue)
        let saved = try await repository.template(unitKind: kind.rawValue, periodKind: period.kind.rawValue)
        if let run, run.computedAt >= period.end.millisecondsSince1970, let frozen = Self.decodeTemplate(run.template) {
            return frozen
        }
        return saved.flatMap(decodeTemplate) ?? .standard(kind, period.kind)
    }

    static func decodeTemplate(_ json: String) -> AssessmentTemplate? {
        try? JSONDecoder().decode(AssessmentTemplate.self, from: Data(json.utf8))
    }

    /// Serialises the storing of scores on PostgreSQL (two scorings of one period must not interleave).
    static let lockKey: Int64 = 0x6671_6173_7365  // "fqasse"

    /// Computes and stores the period's scores of the kinds of unit (townships and departments from one tally of the
    /// cases); with `previousToo`, first the previous period's of any kind never scored then (the ranking's movement
    /// compares with it). Returns the rows computed by kind.
    ///
    /// A run is stamped with the moment its inputs began to be read; a run that began earlier than the one stored does
    /// not replace it (two decisions in quick succession each score the period again: the later inputs win whichever
    /// finishes first).
    @discardableResult
    func compute(_ period: AssessmentPeriod, kinds: [AssessedUnitKind], by: String, previousToo: Bool = true) async throws
        -> [AssessedUnitKind: [AssessmentScoreRecord]]
    {
        let started = platform.clock.now().millisecondsSince1970
        var previous: [AssessedUnitKind: [AssessmentScoreRecord]] = [:]
        if let before = period.previous {
            for kind in kinds {
                previous[kind] = try await platform.database.read { db in
                    try await AssessmentRepository(db).scores(periodKey: before.key, unitKind: kind.rawValue, prefix: "")
                }
            }
            let missing = kinds.filter { previous[$0]?.isEmpty ?? true }
            if previousToo && !missing.isEmpty {
                previous.merge(try await compute(before, kinds: missing, by: by, previousToo: false)) { _, new in new }
            }
        }
        let keys = Self.adjustmentKeys(period)
        var exclusions: [AssessedUnitKind: [AssessmentExclusion]] = [:]
        var templates: [AssessedUnitKind: AssessmentTemplate] = [:]
        for kind in kinds {
            exclusions[kind] = try await adjustments.exclusions(periodKeys: keys, unitKind: kind)
            templates[kind] = try await template(for: period, kind: kind)
        }
        let tally = kinds.contains(where: { $0 != .gridWorker })
            ? try await self.tally(period, exclusions: Set(exclusions.values.joined()),
                                   defined: templates.values.flatMap { $0.rules.map(\.indicator) })
            : nil

        var runs: [(AssessmentRunRecord, [AssessmentScoreRecord])] = []
        for kind in kinds {
            let units = try await units(kind)
            let template = templates[kind] ?? .standard(kind, period.kind)
            // Every grid worker is measured (one with no field work scores on zeros, not on nothing to count from).
            var values = try await kind == .gridWorker ? fieldWork(period, accounts: units.compactMap { Int64($0.unit.code) })
                : (tally?.values ?? [:]).filter { $0.key.kind == kind }
            for (unit, reported) in try await reportedValues(period, kind: kind, indicators: template.rules.map(\.indicator)) {
                values[unit, default: [:]].merge(reported) { _, entered in entered }
            }
            let manual = try await adjustments.approvedAdjustments(periodKeys: keys, unitKind: kind)
            runs.append(try score(period, kind: kind, template: template, units: units, values: values, manual: manual,
                                  excluded: exclusions[kind] ?? [], previous: previous[kind] ?? [], by: by, at: started))
        }
        let stored = runs
        let dbKind = platform.database.kind
        try await platform.database.write { db in
            if dbKind == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.lockKey))").run() }
            let repository = AssessmentRepository(db)
            for (run, scores) in stored {
                let current = try await repository.run(periodKey: run.periodKey, unitKind: run.unitKind)
                if let current, current.computedAt > run.computedAt { continue }
                try await repository.replace(run, scores: scores)
            }
        }
        return Dictionary(runs.map { (AssessedUnitKind(rawValue: $0.0.unitKind) ?? .township, $0.1) }, uniquingKeysWith: { a, _ in a })
    }

    /// Scores and ranks one kind of unit from its measured values (nothing stored yet).
    func score(
        _ period: AssessmentPeriod, kind: AssessedUnitKind, template: AssessmentTemplate, units: [AssessedUnitInfo],
        values: [AssessedUnit: [AssessmentIndicator: IndicatorValue]],
        manual: [AssessedUnit: [ManualAdjustment]], excluded: [AssessmentExclusion], previous: [AssessmentScoreRecord],
        by: String, at started: Int64
    ) throws -> (AssessmentRunRecord, [AssessmentScoreRecord]) {
        let waived = Dictionary(grouping: excluded.filter { $0.caseId == nil }, by: \.unit).mapValues { Set($0.map(\.indicator)) }
        let scores = units.map { info in
            AssessmentScoring.score(unit: info.unit.code, name: info.name, template: template,
                                    values: values[info.unit] ?? [:], adjustments: manual[info.unit] ?? [],
                                    waived: waived[info.unit] ?? [])
        }
        let info = Dictionary(units.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        let before = Dictionary(grouping: previous, by: \.countyCode)
        var records: [AssessmentScoreRecord] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (county, group) in Dictionary(grouping: scores, by: { info[$0.unit]?.countyCode ?? "" }) {
            let rows = Ranking.rank(group, previous: (before[county] ?? []).map(Self.unitScore), laggards: 1,
                                    floor: Self.talkFloor)
            for row in rows {
                let score = row.score
                records.append(AssessmentScoreRecord(
                    periodKey: period.key, unitKind: kind.rawValue, unitCode: score.unit, name: score.name,
                    countyCode: county, areaCode: info[score.unit]?.areaCode ?? county, total: score.total,
                    templatePoints: (score.templatePoints * 100).rounded() / 100, awarded: score.awarded,
                    deducted: score.deducted, rank: Int64(row.rank), ranked: Int64(rows.count),
                    rankChange: row.rankChange.map(Int64.init), totalChange: row.totalChange, laggard: row.laggard ? 1 : 0,
                    indicators: String(decoding: try encoder.encode(score.indicators), as: UTF8.self)))
            }
        }
        let run = AssessmentRunRecord(
            periodKey: period.key, unitKind: kind.rawValue,
            template: String(decoding: try encoder.encode(template), as: UTF8.self), units: Int64(records.count),
            computedBy: by, computedAt: started)
        return (run, records)
    }

    /// A stored score as the ranking compares with it (its total is all that is read).
    static func unitScore(_ record: AssessmentScoreRecord) -> UnitScore {
        UnitScore(unit: record.unitCode, name: record.name,
                  indicators: [IndicatorScore(rule: IndicatorRule(.overdue, weight: 0, target: 0, floor: 1),
                                              value: .count(0), points: record.total)],
                  awarded: 0, deducted: 0)
    }

    /// Every unit of a kind: the townships of the map, the departments, the active grid workers.
    func units(_ kind: AssessedUnitKind) async throws -> [AssessedUnitInfo] {
        switch kind {
        case .township:
            let atlas = try await platform.areaAtlas()
            var found: [AssessedUnitInfo] = []
            var queue = atlas.rootCode.map { [$0] } ?? []
            while let code = queue.popLast() {
                for child in atlas.children(of: code) {
                    if child.level == .township, let unit = AssessedUnit.township(of: child.code) {
                        found.append(AssessedUnitInfo(unit: unit, name: child.name, areaCode: child.code))
                    } else if child.level < .township {
                        queue.append(child.code)
                    }
                }
            }
            return found.sorted { $0.unit < $1.unit }
        case .department:
            return try await platform.database.read { db in try await AssessmentRepository(db).departments() }
                .map { AssessedUnitInfo(unit: .department($0.id), name: $0.name, areaCode: $0.areaCode) }
        case .gridWorker:
            return try await platform.database.read { db in try await AssessmentRepository(db).gridWorkers() }
                .map { AssessedUnitInfo(unit: AssessedUnit(.gridWorker, String($0.id)), name: $0.name, areaCode: $0.areaCode) }
        }
    }

    /// Tallies the cases (restricted to those of `prefix` or `department` when given; traced for `tracing`), counting
    /// also the indicators among `defined` that are counted over a category.
    func tally(
        _ period: AssessmentPeriod, exclusions: Set<AssessmentExclusion>, prefix: String? = nil, department: Int64? = nil,
        tracing: Set<AssessedUnit> = [], defined: [AssessmentIndicator] = []
    ) async throws -> CaseAssessmentTally {
        let start = period.start.millisecondsSince1970, end = period.end.millisecondsSince1970
        let began = Date()
        let (ids, events, mediations) = try await platform.database.read { db in
            let repository = AssessmentRepository(db)
            let ids = try await repository.caseIds(start: start, end: end, prefix: prefix, department: department)
            return (ids, try await repository.events(caseIds: ids, before: end, types: Self.eventTypes),
                    department == nil ? try await repository.concludedMediations(start: start, end: end) : [])
        }
        let read = Date()
        // Decoding the histories is most of the work: split them at case boundaries and tally the parts in parallel.
        let parts = Self.split(events, into: max(1, ProcessInfo.processInfo.activeProcessorCount) * 2)
        var tally = try await withThrowingTaskGroup(of: CaseAssessmentTally.self) { group in
            for part in parts {
                group.addTask { Self.tally(events[part], period: period, exclusions: exclusions, tracing: tracing, defined: defined) }
            }
            var whole = CaseAssessmentTally(period: period, exclusions: exclusions, tracing: tracing, defined: defined)
            for try await part in group { whole.merge(part) }
            return whole
        }
        platform.logger.debug("assessment tally", metadata: [
            "period": "\(period.key)", "cases": "\(ids.count)", "events": "\(events.count)",
            "readSeconds": "\(read.timeIntervalSince(began))", "tallySeconds": "\(Date().timeIntervalSince(read))",
        ])
        for mediation in mediations where prefix.map({ mediation.areaCode.hasPrefix($0) }) ?? true {
            let state = MediationCaseState(rawValue: mediation.state)
            tally.addMediation(areaCode: mediation.areaCode, succeeded: state == .succeeded, caseId: mediation.caseId,
                               at: Date(millisecondsSince1970: mediation.closedAt))
        }
        return tally
    }

    /// Ranges of `events` of about equal size that do not cut a case's history.
    static func split(_ events: [(caseId: Int64, payload: String)], into count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        let size = max(1, events.count / count)
        while start < events.count {
            var end = min(events.count, start + size)
            while end < events.count, events[end].caseId == events[end - 1].caseId { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// Tallies the stored histories (rows of each case together, in order).
    static func tally(
        _ events: ArraySlice<(caseId: Int64, payload: String)>, period: AssessmentPeriod,
        exclusions: Set<AssessmentExclusion>, tracing: Set<AssessedUnit>, defined: [AssessmentIndicator]
    ) -> CaseAssessmentTally {
        var tally = CaseAssessmentTally(period: period, exclusions: exclusions, tracing: tracing, defined: defined)
        let decoder = CaseEventCodec.decoder
        var history: [CaseEvent] = []
        var current: Int64?
        for (caseId, payload) in events {
            if caseId != current {
                if let current, !history.isEmpty { tally.add(history, caseId: current) }
                (current, history) = (caseId, [])
            }
            // A row in a legacy format is skipped rather than failing the whole period.
            if let event = try? decoder.decode(CaseEvent.self, from: Data(payload.utf8)) { history.append(event) }
        }
        if let current, !history.isEmpty { tally.add(history, caseId: current) }
        return tally
    }

    /// The values of the reported indicators among `indicators` (人工填报) for the units of `kind`: entered for the
    /// period, or for a quarter its months' added up (`ReportedTally`).
    func reportedValues(_ period: AssessmentPeriod, kind: AssessedUnitKind, indicators: [AssessmentIndicator], unit: String? = nil)
        async throws -> [AssessedUnit: [AssessmentIndicator: IndicatorValue]]
    {
        let reported = Dictionary(indicators.filter { $0.source == .reported }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let records = try await platform.database.read { db in
            try await AssessmentIndicatorRepository(db).values(keys: Array(reported.keys), periodKeys: Self.adjustmentKeys(period),
                                                               unitKind: kind.rawValue, unitCode: unit)
        }
        var entries: [AssessedUnit: [AssessmentIndicator: [String: IndicatorValue]]] = [:]
        for record in records {
            guard let indicator = reported[record.indicatorKey] else { continue }
            entries[AssessedUnit(kind, record.unitCode), default: [:]][indicator, default: [:]][record.periodKey] = record.value
        }
        return entries.mapValues { byIndicator in
            byIndicator.compactMapValues { ReportedTally.value(for: period, entries: $0)?.value }
        }
    }

    /// 巡查覆盖率 and 走访户数 of every grid worker with any field work and of `accounts` (who may have none: they
    /// score on zeros, not on a coverage with nothing to count from).
    func fieldWork(_ period: AssessmentPeriod, accounts: [Int64]) async throws
        -> [AssessedUnit: [AssessmentIndicator: IndicatorValue]]
    {
        let start = period.start.millisecondsSince1970, end = period.end.millisecondsSince1970
        let first = period.firstDay.description, last = period.lastDay.description
        let (patrols, visits) = try await platform.database.read { db in
            let repository = AssessmentRepository(db)
            return (try await repository.patrolStarts(start: start, end: end),
                    try await repository.visitCounts(from: first, through: last))
        }
        let calendar = try await platform.businessCalendar()
        let now = platform.clock.now()
        var values: [AssessedUnit: [AssessmentIndicator: IndicatorValue]] = [:]
        for account in Set(patrols.keys).union(visits.keys).union(accounts) {
            values[AssessedUnit(.gridWorker, String(account))] = FieldWorkTally.values(
                patrolStarts: (patrols[account] ?? []).map { Date(millisecondsSince1970: $0) }, visits: visits[account] ?? 0,
                period: period, asOf: now, calendar: calendar)
        }
        return values
    }
}
