import FengqiaoDomain
import Foundation
import SQLKit

/// Risk early warning's tables: the facts the rules group cases by, the warnings with their cases and history,
/// and the areas' rule books; plus the reads of cases and events the risk monitor derives facts from.
public struct RiskRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static let cursorSetting = "risk.monitor.cursor"

    // MARK: Monitor input

    /// The case events after `cursor` (at most `limit`), as the distinct cases they touched, the last event id and
    /// how many events there were.
    public func casesWithEvents(after cursor: Int64, limit: Int) async throws
        -> (caseIds: [Int64], lastEventId: Int64?, events: Int)
    {
        let rows = try await db.select().column("id").column("case_id").from("case_events")
            .where("id", .greaterThan, cursor).orderBy("id").limit(limit).all()
        var seen = Set<Int64>()
        var ids: [Int64] = []
        var last: Int64?
        for row in rows {
            let caseId = try row.decode(column: "case_id", as: Int64.self)
            last = try row.decode(column: "id", as: Int64.self)
            if seen.insert(caseId).inserted { ids.append(caseId) }
        }
        return (ids, last, rows.count)
    }

    /// The monitor's position in `case_events` (0 before its first run).
    public func cursor() async throws -> Int64 {
        Int64(try await SettingsRepository(db).value(Self.cursorSetting) ?? "") ?? 0
    }

    public func setCursor(_ eventId: Int64) async throws {
        try await SettingsRepository(db).set(Self.cursorSetting, to: String(eventId))
    }

    /// The last event id there is (where a monitor switched on over an existing history starts).
    public func lastEventId() async throws -> Int64 {
        try await db.select().column(SQLFunction("MAX", args: SQLIdentifier("id")), as: "m").from("case_events").first()?
            .decode(column: "m", as: Int64?.self) ?? 0
    }

    /// The cases reported on or after `day` (`yyyy-MM-dd`), by id.
    public func caseIds(reportedSince day: String) async throws -> [Int64] {
        try await db.select().column("id").from("cases").where("reported_day", .greaterThanOrEqual, day).orderBy("id")
            .all(decodingColumn: "id", as: Int64.self)
    }

    /// What the facts of `caseIds` are derived from.
    public func sources(caseIds: [Int64]) async throws -> [RiskCaseSource] {
        guard !caseIds.isEmpty else { return [] }
        var sources: [Int64: RiskCaseSource] = [:]
        for row in try await db.select()
            .columns("id", "number", "area_code", "grid_code", "address", "category", "description",
                     "respondent_organization_id", "applicant_person_id", "people_involved", "amount_involved",
                     "reported_at", "reported_day")
            .from("cases").where("id", .in, caseIds).all()
        {
            let id = try row.decode(column: "id", as: Int64.self)
            sources[id] = RiskCaseSource(
                caseId: id, number: try row.decode(column: "number", as: String.self),
                areaCode: try row.decode(column: "area_code", as: String.self),
                gridCode: try row.decode(column: "grid_code", as: String?.self),
                address: try row.decode(column: "address", as: String?.self),
                category: try row.decode(column: "category", as: String.self),
                description: try row.decode(column: "description", as: String.self),
                respondentOrganizationId: try row.decode(column: "respondent_organization_id", as: Int64?.self),
                applicantPersonId: try row.decode(column: "applicant_person_id", as: Int64?.self),
                peopleInvolved: try row.decode(column: "people_involved", as: Int.self),
                amountInvolved: try row.decode(column: "amount_involved", as: Int64.self),
                reportedAt: try row.decode(column: "reported_at", as: Int64.self),
                reportedDay: try row.decode(column: "reported_day", as: String.self))
        }
        for row in try await db.select().columns("case_id", "side", "person_id", "organization_id", "name")
            .from("case_parties").where("case_id", .in, caseIds).orderBy("id").all()
        {
            let id = try row.decode(column: "case_id", as: Int64.self)
            sources[id]?.parties.append(.init(
                side: try row.decode(column: "side", as: String.self),
                personId: try row.decode(column: "person_id", as: Int64?.self),
                organizationId: try row.decode(column: "organization_id", as: Int64?.self),
                name: try row.decode(column: "name", as: String.self)))
        }
        for row in try await db.select().column(SQLColumn("case_id", table: "p")).column(SQLColumn("respondent_organ", table: "p"))
            .column(SQLColumn("person_id", table: "q")).column(SQLColumn("id_number_index", table: "q"))
            .from(SQLAlias(SQLIdentifier("petitions"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("petitioners"), as: SQLIdentifier("q")), method: SQLJoinMethod.left,
                  on: SQLRaw("q.petition_id = p.id AND q.position = 0"))
            .where(SQLColumn("case_id", table: "p"), .in, SQLBind.group(caseIds)).all()
        {
            let id = try row.decode(column: "case_id", as: Int64.self)
            sources[id]?.respondentOrgan = try row.decode(column: "respondent_organ", as: String?.self)
            sources[id]?.petitionerPersonId = try row.decode(column: "person_id", as: Int64?.self)
            sources[id]?.petitionerIdIndex = try row.decode(column: "id_number_index", as: String?.self)
        }
        func involved(_ s: RiskCaseSource) -> [Int64] {
            [s.applicantPersonId, s.petitionerPersonId].compactMap { $0 } + s.parties.compactMap(\.personId)
        }
        let people = Set(sources.values.flatMap(involved))
        if !people.isEmpty {
            var tags: [Int64: String] = [:]
            for row in try await db.select().columns("id", "tags").from("people").where("id", .in, Array(people)).all() {
                tags[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "tags", as: String.self)
            }
            for (id, source) in sources {
                sources[id]?.personTags = Dictionary(involved(source).compactMap { p in tags[p].map { (p, $0) } },
                                                     uniquingKeysWith: { a, _ in a })
            }
        }
        return caseIds.compactMap { sources[$0] }
    }

    // MARK: Facts

    public func upsert(_ facts: [RiskFactRecord]) async throws {
        guard !facts.isEmpty else { return }
        try await db.delete(from: "risk_case_facts").where("case_id", .in, facts.map(\.caseId)).run()
        try await db.insertRows(into: "risk_case_facts", columns: RiskFactRecord.columns, rows: facts.map(\.values))
    }

    /// The most a group's evaluation reads: the latest cases of a situation this large say all there is to say.
    public static let groupLimit = 5_000

    /// The facts of the cases in `group` reported in `(from, through]` (any time for 突发's day and the rules about one
    /// case), oldest first: the latest `limit` of them.
    public func facts(in group: RiskGroupKey, from: Int64, through: Int64, limit: Int = groupLimit) async throws -> [RiskFactRecord] {
        let query = Self.narrow(db.select().columns(RiskFactRecord.columns).from("risk_case_facts"), to: group, from: from,
                                through: through)
        return try await query.orderBy("reported_at", .descending).orderBy("case_id", .descending).limit(limit).all()
            .map(RiskFactRecord.init(row:)).reversed()
    }

    /// The stored facts of `caseIds` (what a batch's cases looked like when last evaluated).
    public func facts(caseIds: [Int64]) async throws -> [RiskFactRecord] {
        guard !caseIds.isEmpty else { return [] }
        return try await db.select().columns(RiskFactRecord.columns).from("risk_case_facts").where("case_id", .in, caseIds).all()
            .map(RiskFactRecord.init(row:))
    }

    /// How many cases `group` holds in `(from, through]` (any time for 突发's day and the rules about one case).
    public func count(in group: RiskGroupKey, from: Int64, through: Int64) async throws -> Int {
        let query = Self.narrow(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("risk_case_facts"),
                                to: group, from: from, through: through)
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func narrow(_ query: SQLSelectBuilder, to group: RiskGroupKey, from: Int64, through: Int64) -> SQLSelectBuilder {
        switch group {
        case .cluster(let category, let respondent):
            query.where("respondent_key", .equal, respondent).where("category", .equal, category)
        case .hotspotGrid(let grid, let category):
            query.where("grid_code", .equal, grid).where("category", .equal, category)
        case .hotspotAddress(let address):
            query.where("address_key", .equal, address)
        case .repeatApplicant(let applicant):
            query.where("applicant_key", .equal, applicant)
        case .surge(let area, let category, let day):
            query.where("area_code", .equal, area).where("category", .equal, category).where("reported_day", .equal, day)
        case .single(_, let caseId):
            query.where("case_id", .equal, caseId)
        }
        switch group {
        case .single, .surge: break
        default: query.where("reported_at", .greaterThan, from).where("reported_at", .lessThanOrEqual, through)
        }
        return query
    }

    /// Every fact reported in `(from, through]` (the nightly sweep's input).
    public func facts(from: Int64, through: Int64) async throws -> [RiskFactRecord] {
        try await db.select().columns(RiskFactRecord.columns).from("risk_case_facts")
            .where("reported_at", .greaterThan, from).where("reported_at", .lessThanOrEqual, through)
            .orderBy("reported_at").orderBy("case_id").all()
            .map(RiskFactRecord.init(row:))
    }

    /// How many cases of `category` in `area` were reported on each of `days`.
    public func dayCounts(area: String, category: String, days: [String]) async throws -> [String: Int] {
        guard !days.isEmpty else { return [:] }
        var counts: [String: Int] = [:]
        for row in try await db.select().column("reported_day").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("risk_case_facts").where("area_code", .equal, area).where("category", .equal, category)
            .where("reported_day", .in, days).groupBy("reported_day").all()
        {
            counts[try row.decode(column: "reported_day", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Case numbers and descriptions by id (the keyword rule's text and the explanations' numbers).
    public func caseTexts(ids: [Int64]) async throws -> [Int64: (number: String, description: String)] {
        guard !ids.isEmpty else { return [:] }
        var texts: [Int64: (number: String, description: String)] = [:]
        for row in try await db.select().columns("id", "number", "description").from("cases").where("id", .in, ids).all() {
            texts[try row.decode(column: "id", as: Int64.self)] =
                (try row.decode(column: "number", as: String.self), try row.decode(column: "description", as: String.self))
        }
        return texts
    }

    // MARK: Warnings

    /// Whether `subject` has a warning that is not closed.
    public func hasOpenWarning(subject: String) async throws -> Bool {
        try await db.select().column("id").from("risk_warnings").where("subject", .equal, subject)
            .where("state", .notEqual, RiskWarningState.closed.rawValue).limit(1).first() != nil
    }

    /// The open warnings of `subjects`, by subject: what filing new findings needs of them.
    public func openWarnings(subjects: [String]) async throws -> [String: OpenRiskWarning] {
        var open: [String: OpenRiskWarning] = [:]
        for chunk in CaseRepository.chunks(of: subjects, size: 5_000) {
            for row in try await db.select().columns("id", "subject", "level", "case_count").from("risk_warnings")
                .where("subject", .in, Array(chunk)).where("state", .notEqual, RiskWarningState.closed.rawValue).all()
            {
                let subject = try row.decode(column: "subject", as: String.self)
                open[subject] = OpenRiskWarning(
                    id: try row.decode(column: "id", as: Int64.self), level: try row.decode(column: "level", as: String.self),
                    caseCount: try row.decode(column: "case_count", as: Int.self))
            }
        }
        return open
    }

    /// For each warning id, those of `among[id]` that are linked to it already.
    public func linkedCaseIds(_ among: [Int64: [Int64]]) async throws -> [Int64: Set<Int64>] {
        var linked: [Int64: Set<Int64>] = [:]
        for group in Self.groups(among) {
            for row in try await db.select().columns("warning_id", "case_id").from("risk_warning_cases")
                .where("warning_id", .in, group.keys).where("case_id", .in, group.ids).all()
            {
                let warning = try row.decode(column: "warning_id", as: Int64.self)
                let caseId = try row.decode(column: "case_id", as: Int64.self)
                if among[warning]?.contains(caseId) == true { linked[warning, default: []].insert(caseId) }
            }
        }
        return linked
    }

    /// For each subject, those of `among[subject]` that are cases of its closed warnings.
    public func closedCaseIds(_ among: [String: [Int64]]) async throws -> [String: Set<Int64>] {
        var closed: [String: Set<Int64>] = [:]
        for group in Self.groups(among) {
            for row in try await db.select().column(SQLColumn("subject", table: "w")).column(SQLColumn("case_id", table: "c"))
                .from(SQLAlias(SQLIdentifier("risk_warning_cases"), as: SQLIdentifier("c")))
                .join(SQLAlias(SQLIdentifier("risk_warnings"), as: SQLIdentifier("w")), method: SQLJoinMethod.inner,
                      on: SQLRaw("w.id = c.warning_id"))
                .where(SQLColumn("subject", table: "w"), .in, SQLBind.group(group.keys))
                .where(SQLColumn("state", table: "w"), .equal, SQLBind(RiskWarningState.closed.rawValue))
                .where(SQLColumn("case_id", table: "c"), .in, SQLBind.group(group.ids)).all()
            {
                let subject = try row.decode(column: "subject", as: String.self)
                let caseId = try row.decode(column: "case_id", as: Int64.self)
                if among[subject]?.contains(caseId) == true { closed[subject, default: []].insert(caseId) }
            }
        }
        return closed
    }

    /// `among` split into queries of at most about 10,000 bound values: the keys of each and the ids they ask about.
    static func groups<Key: Hashable & Encodable & Sendable>(_ among: [Key: [Int64]]) -> [(keys: [Key], ids: [Int64])] {
        var groups: [(keys: [Key], ids: [Int64])] = []
        var keys: [Key] = []
        var ids = Set<Int64>()
        for (key, asked) in among where !asked.isEmpty {
            if !keys.isEmpty && ids.count + asked.count + keys.count > 10_000 {
                groups.append((keys, Array(ids)))
                (keys, ids) = ([], [])
            }
            keys.append(key)
            ids.formUnion(asked)
        }
        if !keys.isEmpty { groups.append((keys, Array(ids))) }
        return groups
    }

    /// Inserts new warnings and names each `numberPrefix` + its id in (at least) six digits; answers their ids by
    /// subject.
    public func insert(_ warnings: [RiskWarningRecord], numberPrefix: String) async throws -> [String: Int64] {
        guard !warnings.isEmpty else { return [:] }
        let columns = ["number", "rule", "level", "subject", "area_code", "summary", "measures", "state", "case_count",
                       "raised_at", "updated_at"]
        let rows: [[any Encodable & Sendable]] = warnings.map { w in
            ["pending-\(UUID().uuidString)", w.rule, w.level, w.subject, w.areaCode, w.summary, w.measures, w.state,
             w.caseCount, w.raisedAt, w.updatedAt]
        }
        var ids: [String: Int64] = [:]
        for row in try await db.insertRows(into: "risk_warnings", columns: columns, rows: rows, returning: ["id", "subject"]) {
            ids[try row.decode(column: "subject", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        let padded = db.dialect.name == "sqlite" ? "printf('%06d', id)"
            : "CASE WHEN id >= 1000000 THEN id::text ELSE lpad(id::text, 6, '0') END"
        for chunk in CaseRepository.chunks(of: Array(ids.values), size: 5_000) {
            try await db.raw("UPDATE risk_warnings SET number = \(bind: numberPrefix) || \(unsafeRaw: padded) WHERE id IN (\(binds: Array(chunk)))").run()
        }
        return ids
    }

    /// Writes what new findings change of an open warning.
    public func update(open id: Int64, level: String, summary: String, measures: String, caseCount: Int, at: Int64) async throws {
        try await db.update("risk_warnings").set("level", to: level).set("summary", to: summary).set("measures", to: measures)
            .set("case_count", to: caseCount).set("updated_at", to: at).where("id", .equal, id).run()
    }

    /// Links cases to warnings: `(warning id, case id)` pairs.
    public func addCases(_ links: [(warningId: Int64, caseId: Int64)], at: Int64) async throws {
        guard !links.isEmpty else { return }
        try await db.insertRows(into: "risk_warning_cases", columns: ["warning_id", "case_id", "added_at"],
                                rows: links.map { [$0.warningId, $0.caseId, at] })
    }

    public func append(_ events: [RiskWarningEventRecord]) async throws {
        guard !events.isEmpty else { return }
        try await db.insertRows(into: "risk_warning_events", columns: ["warning_id", "kind", "level", "actor_name", "note", "at"],
                                rows: events.map { [$0.warningId, $0.kind, $0.level, $0.actorName, $0.note, $0.at] })
    }

    /// Writes everything that changes after a warning is raised.
    public func update(_ w: RiskWarningRecord) async throws {
        guard let id = w.id else { return }
        try await db.update("risk_warnings")
            .set("level", to: w.level).set("summary", to: w.summary).set("measures", to: w.measures)
            .set("state", to: w.state).set("owner_id", to: w.ownerId).set("owner_name", to: w.ownerName)
            .set("measures_taken", to: w.measuresTaken).set("case_count", to: w.caseCount)
            .set("updated_at", to: w.updatedAt).set("closed_at", to: w.closedAt)
            .where("id", .equal, id).run()
    }

    public func append(_ event: RiskWarningEventRecord) async throws {
        try await db.insert(into: "risk_warning_events")
            .model(event, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default).run()
    }

    public func find(number: String) async throws -> RiskWarningRecord? {
        try await db.select().column("*").from("risk_warnings").where("number", .equal, number).first()?
            .decode(model: RiskWarningRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func events(warningId: Int64) async throws -> [RiskWarningEventRecord] {
        try await db.select().column("*").from("risk_warning_events").where("warning_id", .equal, warningId).orderBy("id").all()
            .map { try $0.decode(model: RiskWarningEventRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func cases(warningId: Int64) async throws -> [RiskWarningCaseRow] {
        try await db.select()
            .column(SQLColumn("id", table: "c"), as: "case_id").column(SQLColumn("number", table: "c"))
            .column(SQLColumn("state", table: "c")).column(SQLColumn("category", table: "c"))
            .column(SQLColumn("area_code", table: "c")).column(SQLColumn("reported_at", table: "c"))
            .column(SQLColumn("added_at", table: "w"))
            .from(SQLAlias(SQLIdentifier("risk_warning_cases"), as: SQLIdentifier("w")))
            .join(SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner, on: SQLRaw("c.id = w.case_id"))
            .where(SQLColumn("warning_id", table: "w"), .equal, SQLBind(warningId))
            .orderBy(SQLColumn("reported_at", table: "c")).orderBy(SQLColumn("id", table: "c")).all()
            .map { try $0.decode(model: RiskWarningCaseRow.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Warnings filed inside the subtree `prefix`, newest first, keyset-paged on id; `state` is a state or `open`
    /// (any but closed).
    public func list(
        prefix: String, state: String?, level: String?, rule: String?, before: Int64?, limit: Int
    ) async throws -> [RiskWarningRecord] {
        let query = db.select().column("*").from("risk_warnings")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
        if state == "open" {
            query.where("state", .notEqual, RiskWarningState.closed.rawValue)
        } else if let state {
            query.where("state", .equal, state)
        }
        if let level { query.where("level", .equal, level) }
        if let rule { query.where("rule", .equal, rule) }
        if let before { query.where("id", .lessThan, before) }
        return try await query.orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: RiskWarningRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Open warnings inside the subtree `prefix`, counted by level.
    public func openCounts(prefix: String) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await db.select().column("level").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("risk_warnings").where("state", .notEqual, RiskWarningState.closed.rawValue)
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
            .groupBy("level").all()
        {
            counts[try row.decode(column: "level", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The warnings a case is in, newest first.
    public func warnings(caseId: Int64) async throws -> [RiskWarningRecord] {
        try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("w")) as any SQLExpression)
            .from(SQLAlias(SQLIdentifier("risk_warnings"), as: SQLIdentifier("w")))
            .join(SQLAlias(SQLIdentifier("risk_warning_cases"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLRaw("c.warning_id = w.id"))
            .where(SQLColumn("case_id", table: "c"), .equal, SQLBind(caseId))
            .orderBy(SQLColumn("id", table: "w"), SQLDirection.descending).all()
            .map { try $0.decode(model: RiskWarningRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: Rule books

    /// Every area's own rule book, as stored JSON by area code.
    public func ruleBooks() async throws -> [String: String] {
        var books: [String: String] = [:]
        for row in try await db.select().columns("area_code", "book").from("risk_rule_books").all() {
            books[try row.decode(column: "area_code", as: String.self)] = try row.decode(column: "book", as: String.self)
        }
        return books
    }

    public func setRuleBook(area: String, json: String, by: String, at: Int64) async throws {
        try await db.delete(from: "risk_rule_books").where("area_code", .equal, area).run()
        try await db.insert(into: "risk_rule_books").columns("area_code", "book", "updated_by", "updated_at")
            .values(SQLBind(area), SQLBind(json), SQLBind(by), SQLBind(at)).run()
    }

    public func removeRuleBook(area: String) async throws {
        try await db.delete(from: "risk_rule_books").where("area_code", .equal, area).run()
    }
}
