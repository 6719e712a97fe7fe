import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Produces the cases, oldest first, a few days at a time: each case with its number (consecutive
/// per county and year), tracking code, place, people, description and event history. Ids are
/// assigned here, so events can refer to their case without reading ids back from the database.
struct DemoCaseStream: Sendable {
    /// One batch of rows for `cases`, `case_events` and `case_assignments`; the cases wait in `pending`
    /// for their clocks (`DemoCaseStream.Chunk.statements()`, a later stage of the load).
    struct Chunk: Sendable {
        /// A generated case whose row lacks the clock columns.
        struct PendingCase: Sendable {
            var id: Int64
            var row: DemoSQLRow
            var events: [CaseEvent]
        }

        let calendar: BusinessCalendar
        let now: Date
        var pending: [PendingCase] = []
        var events = DemoSQLBuffer(table: "case_events", columns: DemoCaseStream.eventColumns, rowsPerStatement: 1_000)
        var assignments = DemoSQLBuffer(
            table: "case_assignments", columns: DemoCaseStream.assignmentColumns, rowsPerStatement: 1_000)
    }

    /// A cell of `case_daily_counts`, by indices.
    struct CountKey: Hashable, Sendable {
        let day: Int32, village: Int32, kind: UInt8, channel: UInt8, state: UInt8
    }

    let context: DemoCaseContext
    var random: DemoRandom
    private var dayIndex = 0
    private var nextId: Int64 = 1
    private var trackingKeys: Set<UInt64> = []
    /// Last sequence used, by year and county prefix.
    private(set) var lastSequence: [Int: [String: Int]] = [:]
    private(set) var counts: [CountKey: Int] = [:]
    private(set) var caseCount = 0
    private(set) var eventCount = 0

    init(context: DemoCaseContext, seed: UInt64) {
        self.context = context
        self.random = DemoRandom(seed: seed, stream: "cases")
    }

    /// The next whole days holding at least `minimumCases` cases (fewer at the end); nil when done.
    mutating func next(minimumCases: Int) -> Chunk? {
        guard dayIndex < context.calendar.days.count else { return nil }
        var chunk = Chunk(calendar: context.businessCalendar, now: context.now)
        while dayIndex < context.calendar.days.count, chunk.pending.count < minimumCases {
            let day = context.calendar.days[dayIndex]
            for at in context.calendar.times(of: day, &random) {
                make(at: at, day: day, dayIndex: dayIndex, into: &chunk)
            }
            dayIndex += 1
        }
        return chunk
    }

    static let caseColumns = [
        "id", "number", "tracking_code", "idempotency_key", "kind", "category", "channel", "state", "urgency",
        "area_code",
        "grid_code", "lat", "lon", "address", "description", "people_involved", "amount_involved", "contact_name",
        "contact_phone_cipher", "contact_phone_masked", "applicant_person_id", "respondent_organization_id",
        "reported_day", "reported_at", "updated_at", "version", "tier", "lead_department_id", "supervision",
        "resolved_tier", "resolved_at",
        // Written by `Chunk.statements()` from the case's clocks.
        "due_at", "clock_status", "satisfaction", "clock_late",
    ]
    static let assignmentColumns = [
        "case_id", "department_id", "role", "state", "dispatched_at", "signed_at", "done_at", "due_at",
    ]
    static let eventColumns = ["case_id", "type", "from_state", "to_state", "actor", "payload", "at"]

    private mutating func make(at: Int64, day: DemoCaseCalendar.Day, dayIndex: Int, into chunk: inout Chunk) {
        let c = context
        let id = nextId
        nextId += 1
        let g = c.drawGrid(&random)
        let grid = c.atlas.grids[g]
        let township = c.atlas.townships[grid.township]
        let county = c.atlas.counties[grid.county]
        let categoryIndex = random.weightedIndex(
            c.catalog.weights(month: day.month, rural: township.kind != .subdistrict))
        let category = c.catalog.categories[categoryIndex]
        let channel = Channel.allCases[random.weightedIndex(c.channelWeights[categoryIndex])]
        let urgency: Urgency =
            random.chance(category.urgentChance) ? (random.chance(0.15) ? .critical : .urgent) : .normal
        let group = random.chance(category.groupChance)
        let people = group ? random.int(category.groupSize) : category.kind == .dispute ? random.int(2...3) : 1
        let amount = category.amountPerPerson.map { Int64(random.int($0)) * Int64(group ? people : 1) / 100 * 100 } ?? 0

        var respondent: (id: Int, name: String)?
        if let kind = category.respondents.first, random.chance(0.7) {
            let pool = category.respondents.flatMap { c.organizations.byTownship[grid.township][$0] ?? [] }
            if !pool.isEmpty {
                let orgId = random.pick(pool)
                respondent = (orgId, c.organizations.names[orgId - 1])
            } else {
                respondent = (0, kind == .propertyManagement ? "物业公司" : "某公司")
            }
        }

        let contact = contactFor(channel: channel, grid: g)
        let description = describe(
            category, channel: channel, grid: g, people: people, amount: amount, respondent: respondent?.name)
        let place = grid.rect.randomPoint(&random)
        let located = channel == .aiCamera || channel == .gridWorker || channel == .snapshot || random.chance(0.75)

        // Numbers run per county and calendar year, in report order.
        let sequence = (lastSequence[day.year]?[county.prefix] ?? 0) + 1
        lastSequence[day.year, default: [:]][county.prefix] = sequence
        let number =
            CaseNumber(countyPrefix: county.prefix, year: day.year, sequence: sequence)?.description
            ?? "\(county.prefix)-\(day.year)-\(sequence)"

        let tracking = trackingCode()
        let villageCode = c.atlas.villages[grid.village].code
        let lifecycle = DemoCaseLifecycle(
            caseId: id, nowMs: c.nowMs, kind: category.kind, category: category.name, channel: channel,
            urgency: urgency, areaCode: AreaCode(villageCode), gridCode: AreaCode(grid.code),
            trackingCode: tracking,
            actors: actors(channel: channel, grid: g, categoryIndex: categoryIndex, tracking: tracking),
            calendar: c.businessCalendar)
        let outcome = lifecycle.run(reportedAt: at, &random, events: &chunk.events)
        let snapshot = outcome.snapshot
        eventCount += outcome.events.count
        caseCount += 1

        var row = DemoSQLRow()
        row.add(id)
        row.add(number)
        row.add(tracking.rawValue)
        row.addNull()
        row.add(category.kind.rawValue)
        row.add(category.name)
        row.add(channel.rawValue)
        row.add(outcome.state.rawValue)
        row.add(urgency.rawValue)
        row.add(villageCode)
        row.add(grid.code)
        row.add(located ? place.latitude : nil)
        row.add(located ? place.longitude : nil)
        row.add(c.addresses.spot(inGrid: g, &random))
        row.add(description)
        row.add(people)
        row.add(amount)
        row.add(contact.name)
        row.add(contact.phoneCipher)
        row.add(contact.phoneMasked)
        row.add(contact.personId)
        row.add(respondent.flatMap { $0.id > 0 ? Int64($0.id) : nil })
        row.add(day.text)
        row.add(at)
        row.add(outcome.updatedAt)
        row.add(snapshot?.version ?? 0)
        row.add((snapshot?.tier ?? .grid).rawValue)
        row.add(snapshot?.lead?.department)
        row.add(snapshot?.openSupervisions.last?.kind.rawValue ?? "none")
        row.add(snapshot?.resolution?.tier.rawValue)
        row.add(snapshot?.resolution?.at.millisecondsSince1970)
        chunk.pending.append(Chunk.PendingCase(id: id, row: row, events: outcome.events))
        if let snapshot { addAssignments(of: snapshot, caseId: id, outcome: outcome, into: &chunk.assignments) }
        let key = CountKey(
            day: Int32(dayIndex), village: Int32(grid.village),
            kind: UInt8(CaseKind.allCases.firstIndex(of: category.kind) ?? 0),
            channel: UInt8(Channel.allCases.firstIndex(of: channel) ?? 0),
            state: UInt8(CaseState.allCases.firstIndex(of: outcome.state) ?? 0))
        counts[key, default: 0] += 1
    }

    /// A unique 12-character tracking code from the seeded generator.
    private mutating func trackingCode() -> TrackingCode {
        while true {
            let bytes = (0..<12).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let key = bytes.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1 % 31) }
            if trackingKeys.insert(key).inserted { return TrackingCode(randomBytes: bytes) }
        }
    }
}
