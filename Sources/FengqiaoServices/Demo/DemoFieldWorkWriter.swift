import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The grid workers' field work (巡查 and 走访) over the last three full months before the reference time and
/// the current month up to it, so that 巡查覆盖率 and 走访户数 have real values in the assessment pages. Each active
/// grid worker gets a diligence drawn once (most patrol on 70–95% of working days, a few nearly every day, a few
/// on only 30–50%), a patrol on working days at about that rate (starting 08:30–10:30 China time, lasting 40–120
/// minutes, 3 track points inside the grid's rectangle, the standard checklist as the app stores it), and on each
/// patrol day 2–4 visits to households (or their heads) of the grid, to its places where it has no households.
/// (The standard template's target is 60 visits a month; with 1–4 visits a working week nearly every worker would
/// be called in, so the visits go with the patrols: about 50 a month for a typical worker.) Everything is drawn
/// from the random stream `fieldWork`, so no other stream moves; written in the load's transaction as bulk SQL
/// after the accounts.
struct DemoFieldWorkWriter: Sendable {
    let atlas: DemoAtlas
    let seed: UInt64
    let now: Date
    let calendar: BusinessCalendar
    let kind: DatabaseKind

    struct Written: Sendable, Equatable {
        var patrols = 0
        var points = 0
        var visits = 0
    }

    /// Findings noted on a checklist item marked 发现问题, by item code.
    static let issueNotes: [String: [String]] = [
        "fireLanes": ["楼道堆放杂物,已提醒住户清理", "消防通道有车辆占用,已联系车主挪走"],
        "eBikeCharging": ["发现电动车在楼道充电,已劝导", "有住户飞线充电,已告知物业"],
        "disputes": ["邻里因漏水有争执,已初步调解", "两户因停车位发生口角,已劝和"],
        "carePeople": ["独居老人身体不适,已联系其子女", "留守儿童放学无人接,已联系家长"],
        "rentals": ["新增出租户一户,已登记租住人员", "出租房人员变动,待核实登记"],
        "publicFacilities": ["一处井盖松动,已上报维修", "路灯不亮两盏,已报修"],
        "streetOrder": ["有占道经营摊点,已劝离", "楼下乱堆建筑垃圾,已通知清运"],
        "safetyHazards": ["广告牌松动有坠落风险,已设警示", "围墙有裂缝,已上报社区"],
    ]
    static let patrolNotes = ["巡查正常,未发现异常", "重点查看了楼道和消防通道", "与楼长交流了近期情况"]
    static let visitNotes = [
        "了解家庭近况,宣传反诈知识", "询问有无矛盾纠纷,家庭和睦", "核实常住人口信息,无变化",
        "宣传消防安全和电动车安全充电", "听取对社区工作的意见建议", "走访独居老人,身体状况良好",
        "宣传平安建设和扫黑除恶", "了解就业和生活困难情况",
    ]
    static let findings = [
        "反映楼上漏水,已联系物业", "家中老人行动不便,需定期关注", "反映小区路灯不亮",
        "邻里因噪音有矛盾,已约时间调解", "出租房新住户未登记,已提醒登记",
    ]

    private struct Worker {
        let id: Int64
        let grid: String
    }

    private struct Subject {
        let kind: VisitSubjectKind
        let subject: String
        let personId: Int64?
        /// The head's name, for a visit to the person rather than the household.
        let head: String?
    }

    func write(on db: any SQLDatabase) async throws -> Written {
        let workers = try await db.select().column("id").column("area_code").from("accounts")
            .where("role", .equal, Role.gridWorker.rawValue).where("status", .equal, "active").orderBy("id").all()
            .map { Worker(id: try $0.decode(column: "id", as: Int64.self), grid: try $0.decode(column: "area_code", as: String.self)) }
        guard !workers.isEmpty else { return Written() }
        let subjects = try await subjectsByGrid(db)
        let rects = Dictionary(atlas.grids.map { ($0.code, $0.rect) }, uniquingKeysWith: { a, _ in a })

        // The span: the first day of the month three months back, through the reference day.
        let today = CivilDate(containing: now)
        let (year, month) = today.month > 3 ? (today.year, today.month - 3) : (today.year - 1, today.month + 9)
        guard let first = CivilDate(year: year, month: month, day: 1) else { return Written() }
        let days = (first.dayNumber...today.dayNumber).map(CivilDate.init(dayNumber:)).filter(calendar.isWorkingDay)
        let nowMs = now.millisecondsSince1970
        // Each day's ISO text and patrol reference, formatted once rather than per row.
        let labels = days.map { day in
            let iso = day.description
            return (iso, "demo-" + iso.replacingOccurrences(of: "-", with: ""))
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func checklistJSON(_ results: [PatrolChecklist.Result]) throws -> String {
            var errors: [FieldError] = []
            let checked = PatrolChecklist.check(results, errors: &errors)
            return String(decoding: try encoder.encode(checked), as: UTF8.self)
        }
        let allOk = try checklistJSON(PatrolChecklist.standard.map { .init(code: $0.code, status: "ok") })

        var nextId = try await db.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "n").from("patrols").first()?
            .decode(column: "n", as: Int64?.self) ?? 0
        var patrols = DemoSQLBuffer(table: "patrols", columns: [
            "id", "account_id", "client_ref", "grid_code", "started_at", "ended_at", "checklist", "note", "point_count",
            "created_at",
        ])
        var points = DemoSQLBuffer(table: "patrol_points", columns: ["patrol_id", "latitude", "longitude", "recorded_at"],
                                   rowsPerStatement: 1_000)
        var visits = DemoSQLBuffer(table: "visits", columns: [
            "account_id", "grid_code", "subject_kind", "subject", "person_id", "latitude", "longitude", "visited_on", "notes",
            "findings", "created_at",
        ])
        var random = DemoRandom(seed: seed, stream: "fieldWork")
        for worker in workers {
            let roll = random.unit()
            let diligence = roll < 0.08 ? random.double(0.30, 0.50) : roll < 0.18 ? random.double(0.97, 1.0)
                : random.double(0.70, 0.95)
            let rect = rects[worker.grid]
            let own = subjects[worker.grid] ?? []
            // Each day's chance leans towards the worker's diligence so far, so that a month's coverage stays near it
            // (independent draws over ~20 days would scatter it by ±10 points and call in many a diligent worker).
            var (expected, done) = (0.0, 0.0)
            for (day, (iso, ref)) in zip(days, labels) {
                let lean = min(1, max(0, diligence + (expected - done) * 0.5))
                expected += diligence
                guard random.chance(lean) else { continue }
                done += 1
                let startMs = day.start.millisecondsSince1970 + Int64(8 * 3_600 + 1_800 + random.below(2 * 3_600)) * 1_000
                let endMs = startMs + Int64(random.int(40...120)) * 60_000
                // Today's patrol only once it has ended by the reference time.
                guard endMs <= nowMs else { continue }
                var checklist = allOk
                var note: String?
                if random.chance(0.08) {
                    let item = random.pick(PatrolChecklist.standard)
                    let text = random.pick(Self.issueNotes[item.code] ?? Self.patrolNotes)
                    checklist = try checklistJSON(PatrolChecklist.standard.map {
                        $0.code == item.code ? .init(code: $0.code, status: "issue", note: text) : .init(code: $0.code, status: "ok")
                    })
                    note = "发现问题1项:" + text
                } else if random.chance(0.2) {
                    note = random.pick(Self.patrolNotes)
                }
                nextId += 1
                let count = rect == nil ? 0 : 3
                if let rect {
                    for index in 0..<count {
                        let point = rect.randomPoint(&random, margin: 0.1)
                        points.beginRow()
                        points.add(nextId)
                        points.add(point.latitude)
                        points.add(point.longitude)
                        points.add(startMs + (endMs - startMs) * Int64(index) / Int64(count - 1))
                        points.endRow()
                    }
                }
                patrols.beginRow()
                patrols.add(nextId)
                patrols.add(worker.id)
                patrols.add(ref)
                patrols.add(worker.grid)
                patrols.add(startMs)
                patrols.add(endMs)
                patrols.add(checklist)
                patrols.add(note)
                patrols.add(count)
                patrols.add(endMs)
                patrols.endRow()
                // Households called on during the round (走访 with the patrol).
                guard !own.isEmpty else { continue }
                for _ in 0..<random.int(2...4) {
                    let subject = random.pick(own)
                    let point = rect?.randomPoint(&random, margin: 0.1)
                    let toPerson = subject.head != nil && random.chance(0.15)
                    visits.beginRow()
                    visits.add(worker.id)
                    visits.add(worker.grid)
                    visits.add(toPerson ? VisitSubjectKind.person.rawValue : subject.kind.rawValue)
                    visits.add(toPerson ? subject.head : subject.subject)
                    visits.add(subject.personId)
                    visits.add(point?.latitude)
                    visits.add(point?.longitude)
                    visits.add(iso)
                    visits.add(random.pick(Self.visitNotes))
                    visits.add(random.chance(0.1) ? random.pick(Self.findings) : nil)
                    visits.add(startMs + Int64(random.below(Int(endMs - startMs))))
                    visits.endRow()
                }
            }
        }
        let written = Written(patrols: patrols.rowCount, points: points.rowCount, visits: visits.rowCount)
        try await db.run(demoStatements: try patrols.finish())
        try await db.run(demoStatements: try points.finish())
        try await db.run(demoStatements: try visits.finish())
        if kind == .postgres, written.patrols > 0 {
            // Explicit ids do not advance the identity column; move it past the demo's patrols.
            try await db.raw("SELECT setval(pg_get_serial_sequence('patrols', 'id'), (SELECT MAX(id) FROM patrols))").run()
        }
        return written
    }

    /// Whom a grid's worker can visit: its households (by address, with the head's id and name), or, for a grid
    /// without households, its places.
    private func subjectsByGrid(_ db: any SQLDatabase) async throws -> [String: [Subject]] {
        var subjects: [String: [Subject]] = [:]
        let households = try await db.raw("""
            SELECT h.grid_code, h.address, p.id AS person_id, p.name FROM households h
            LEFT JOIN people p ON p.household_id = h.id AND p.relation = 'head' ORDER BY h.id, p.id
            """).all()
        for row in households {
            let grid = try row.decode(column: "grid_code", as: String.self)
            subjects[grid, default: []].append(Subject(
                kind: .household, subject: try row.decode(column: "address", as: String.self),
                personId: try row.decode(column: "person_id", as: Int64?.self), head: try row.decode(column: "name", as: String?.self)))
        }
        let places = try await db.select().column("grid_code").column("name").from("places").orderBy("id").all()
        var placesByGrid: [String: [Subject]] = [:]
        for row in places {
            let grid = try row.decode(column: "grid_code", as: String.self)
            guard subjects[grid] == nil else { continue }
            placesByGrid[grid, default: []].append(Subject(
                kind: .place, subject: try row.decode(column: "name", as: String.self), personId: nil, head: nil))
        }
        return subjects.merging(placesByGrid) { a, _ in a }
    }
}
