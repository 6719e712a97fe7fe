import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// Demo cases are consistent: histories follow the workflow and end in the case's state, numbers are
/// consecutive per county and year, counters equal a GROUP BY over the cases.
final class DemoCaseTests: XCTestCase {
    /// Allowed (type, from, to) of the reference workflow; `*` is any open state before closure.
    private static let transitions = Set(
        [
            "reported:∅:reported", "accepted:reported:accepted", "rejected:reported:rejected",
            "merged:reported:merged", "merged:accepted:merged", "resolved_on_site:accepted:handled",
            "dispatched:accepted:dispatched", "returned:dispatched:accepted", "return_upheld:accepted:dispatched",
            "signed_for:dispatched:inProgress", "progress_added:inProgress:inProgress",
            "feedback_given:inProgress:handled", "verified:handled:verified",
            "verification_failed:handled:inProgress", "closed:verified:closed", "revisited:closed:archived",
            "revisited:closed:inProgress", "archived:closed:archived", "whistled:accepted:accepted",
            "checked_in:accepted:accepted",
            // Sessions of the demo's mediation centre, each an attempt on the ladder (the third failed one escalates).
            "attempt_recorded:accepted:accepted", "attempt_recorded:inProgress:inProgress",
            "escalated:accepted:accepted", "escalated:inProgress:inProgress",
        ]
            + ["reported", "accepted", "dispatched", "inProgress", "handled", "verified"].map {
                "withdrawn:\($0):withdrawn"
            })

    func testCountersEqualAGroupByOverCases() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, _ in
            let grouped = try await DemoRows.query(
                db,
                """
                SELECT reported_day AS day, area_code, kind, channel, state, COUNT(*) AS count FROM cases
                GROUP BY reported_day, area_code, kind, channel, state ORDER BY 1, 2, 3, 4, 5
                """)
            let counters = try await DemoRows.query(
                db,
                """
                SELECT day, area_code, kind, channel, state, count FROM case_daily_counts ORDER BY 1, 2, 3, 4, 5
                """)
            XCTAssertFalse(counters.isEmpty)
            XCTAssertEqual(counters, grouped)
        }
    }

    /// `--cases` keeps the scale's areas and people and changes only how many cases are generated (the
    /// benchmarks compare the same county at ten thousand and at a million cases).
    func testCaseCountCanBeChosenWithinAScale() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny, cases: 57) { db, summary in
            XCTAssertEqual(summary.cases, 57)
            let counted = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM cases")
            XCTAssertEqual(counted, 57)
            let tiny = try await DemoFixture.withDemoDatabase(scale: .tiny) { _, tiny in tiny }
            XCTAssertEqual(summary.areasByLevel, tiny.areasByLevel)
            XCTAssertEqual(summary.people, tiny.people)
            XCTAssertNotEqual(tiny.cases, 57)
        }
    }

    func testEventsFormAValidPathEndingInTheCaseState() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let cases = try await DemoRows.query(db, "SELECT id, state, reported_at, updated_at FROM cases ORDER BY id")
            let events = try await DemoRows.query(db, "SELECT * FROM case_events ORDER BY case_id, id")
            XCTAssertEqual(events.count, summary.events)
            let byCase = Dictionary(grouping: events) { $0["case_id"] ?? "" }
            let nowMs = DemoFixture.now.millisecondsSince1970
            for c in cases {
                let id = c["id"] ?? ""
                let history = try XCTUnwrap(byCase[id], "case \(id) has no events")
                XCTAssertEqual(history.first?["type"], "reported")
                XCTAssertEqual(history.first?["at"], c["reported_at"])
                XCTAssertEqual(history.last?["to_state"], c["state"], "case \(id)")
                XCTAssertEqual(history.last?["at"], c["updated_at"], "case \(id)")
                var previousState = "∅"
                var previousAt = Int64.min
                for event in history {
                    let key = "\(event["type"] ?? ""):\(event["from_state"] ?? ""):\(event["to_state"] ?? "")"
                    XCTAssertTrue(Self.transitions.contains(key), "case \(id): \(key) is not a workflow step")
                    XCTAssertEqual(
                        event["from_state"], previousState, "case \(id): \(key) does not follow \(previousState)")
                    let at = Int64(event["at"] ?? "") ?? 0
                    XCTAssertGreaterThan(at, previousAt, "case \(id): time goes backwards at \(key)")
                    XCTAssertLessThan(at, nowMs)
                    let actor = event["actor"] ?? ""
                    XCTAssertTrue(
                        actor.hasPrefix("account:") || actor.hasPrefix("channel:") || actor.hasPrefix("system:"), actor)
                    if actor.hasPrefix("account:"), event["type"] != "reported" {
                        let hour =
                            Calendar.current.dateComponents(
                                in: ChinaTime.timeZone, from: Date(millisecondsSince1970: at)
                            ).hour ?? -1
                        XCTAssertTrue((8..<20).contains(hour), "staff act in office hours, not at \(hour):00")
                    }
                    XCTAssertNotNil(
                        try? JSONSerialization.jsonObject(with: Data((event["payload"] ?? "").utf8)) as? [String: Any])
                    previousState = event["to_state"] ?? ""
                    previousAt = at
                }
            }
            let unknownActors = try await DemoRows.count(
                db,
                """
                SELECT COUNT(*) AS n FROM case_events WHERE actor LIKE 'account:%'
                AND CAST(SUBSTR(actor, 9) AS INTEGER) NOT IN (SELECT id FROM accounts)
                """)
            XCTAssertEqual(unknownActors, 0)
        }
    }

    func testNumbersTrackingCodesAndPlacesAreConsistent() async throws {
        let cipher = try TestPlatform.cipher()
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, _ in
            let cases = try await DemoRows.query(
                db,
                """
                SELECT c.*, g.parent_code AS grid_village, g.min_lat, g.max_lat, g.min_lon, g.max_lon
                FROM cases c JOIN areas g ON g.code = c.grid_code ORDER BY c.id
                """)
            XCTAssertEqual(cases.count, 200)
            var last: [String: Int] = [:]
            var codes: Set<String> = []
            var previousReport = Int64.min
            let nowMs = DemoFixture.now.millisecondsSince1970
            let window = (nowMs - 365 * 86_400_000)..<nowMs
            for c in cases {
                let number = try XCTUnwrap(CaseNumber(c["number"] ?? ""), c["number"] ?? "")
                let key = "\(number.countyPrefix)-\(number.year)"
                XCTAssertEqual(number.sequence, (last[key] ?? 0) + 1, "numbers run on per county and year")
                last[key] = number.sequence
                XCTAssertEqual(number.countyPrefix, String((c["area_code"] ?? "").prefix(6)))
                let reportedAt = Int64(c["reported_at"] ?? "") ?? 0
                XCTAssertTrue(window.contains(reportedAt))
                XCTAssertGreaterThanOrEqual(reportedAt, previousReport, "ids follow report time")
                previousReport = reportedAt
                let date = Date(millisecondsSince1970: reportedAt)
                XCTAssertEqual(c["reported_day"], ChinaTime.dayString(date))
                XCTAssertEqual(number.year, ChinaTime.year(date))
                XCTAssertNotNil(TrackingCode(c["tracking_code"] ?? ""))
                XCTAssertTrue(codes.insert(c["tracking_code"] ?? "").inserted)
                XCTAssertEqual(c["area_code"], c["grid_village"], "area_code is the grid's village")
                let kind = try XCTUnwrap(CaseKind(rawValue: c["kind"] ?? ""))
                XCTAssertTrue(kind.defaultCategories.contains(c["category"] ?? ""))
                XCTAssertNotNil(Channel(rawValue: c["channel"] ?? ""))
                XCTAssertNotNil(Urgency(rawValue: c["urgency"] ?? ""))
                let description = c["description"] ?? ""
                XCTAssertGreaterThanOrEqual(description.count, 10)
                XCTAssertFalse(description.contains("{"), description)
                if let lat = Double(c["lat"] ?? ""), let lon = Double(c["lon"] ?? "") {
                    XCTAssertTrue(lat >= Double(c["min_lat"] ?? "") ?? 99 && lat < Double(c["max_lat"] ?? "") ?? 0)
                    XCTAssertTrue(lon >= Double(c["min_lon"] ?? "") ?? 999 && lon < Double(c["max_lon"] ?? "") ?? 0)
                }
                if let sealed = c["contact_phone_cipher"], sealed != "∅" {
                    XCTAssertEqual(PhoneNumber(try cipher.open(sealed))?.masked, c["contact_phone_masked"])
                }
                XCTAssertGreaterThanOrEqual(Int(c["people_involved"] ?? "") ?? 0, 1)
            }
            let sequences = try await DemoRows.query(
                db, "SELECT county_code, year, last_sequence FROM case_number_sequences")
            XCTAssertEqual(sequences.count, last.count)
            for row in sequences {
                XCTAssertEqual(
                    Int(row["last_sequence"] ?? ""), last["\(row["county_code"] ?? "")-\(row["year"] ?? "")"])
            }
            let dangling = try await DemoRows.count(
                db,
                """
                SELECT COUNT(*) AS n FROM cases WHERE (applicant_person_id IS NOT NULL
                  AND applicant_person_id NOT IN (SELECT id FROM people))
                  OR (respondent_organization_id IS NOT NULL
                      AND respondent_organization_id NOT IN (SELECT id FROM organizations))
                """)
            XCTAssertEqual(dangling, 0)
        }
    }

    func testNewIntakeContinuesAfterTheDemoNumbers() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, _ in
            let year = ChinaTime.year(DemoFixture.now)
            let last = try await DemoRows.count(
                db,
                """
                SELECT MAX(last_sequence) AS n FROM case_number_sequences
                WHERE county_code = '150207' AND year = \(year)
                """)
            let next = try await db.write {
                try await CaseRepository($0).nextSequence(countyPrefix: "150207", year: year)
            }
            XCTAssertEqual(next, last + 1)
        }
    }
}
