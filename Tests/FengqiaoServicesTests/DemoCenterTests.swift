import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Every city, county, township and village of the demo runs a 综治中心 with a hotline; rotating
/// departments have someone on duty every day of their roster; areas carry aliases, their
/// geodesic area and the day they came into force.
final class DemoCenterTests: XCTestCase {
    private static let dayMs: Int64 = 86_400_000

    func testEveryAreaAboveTheGridsHasACentreWithADistinctHotline() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let rows = try await DemoRows.query(
                db,
                """
                SELECT a.code, a.level, a.name AS area_name, c.name, c.level AS center_level, c.address, c.hotline
                FROM areas a LEFT JOIN centers c ON c.area_code = a.code
                WHERE a.level IN ('city', 'county', 'township', 'village')
                """)
            XCTAssertEqual(rows.count, summary.centers)
            XCTAssertGreaterThan(rows.count, 10)
            var hotlines: Set<String> = []
            for row in rows {
                let code = row["code"] ?? ""
                let level = try XCTUnwrap(AreaLevel(rawValue: row["level"] ?? ""))
                XCTAssertNotEqual(row["name"], "∅", "\(code) has no centre")
                XCTAssertEqual(row["center_level"], CenterLevel(areaLevel: level)?.rawValue, code)
                let name = row["name"] ?? ""
                let areaName = row["area_name"] ?? ""
                XCTAssertEqual(name, areaName + (level <= .county ? "社会治理中心" : "综治中心"))
                let hotline = row["hotline"] ?? ""
                XCTAssertNotNil(hotline.wholeMatch(of: /0472-[2-8]\d{6}/), hotline)
                XCTAssertTrue(hotlines.insert(hotline).inserted, "\(hotline) is used twice")
                let address = row["address"] ?? ""
                XCTAssertTrue(address.count > areaName.count, address)
                if level != .city { XCTAssertTrue(address.contains(areaName), "\(address) is not in \(areaName)") }
            }
        }
    }

    func testRotatingDepartmentsHaveSomeoneOnDutyEveryDay() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let nowMs = DemoFixture.now.millisecondsSince1970
            let window = (-28...56).map {
                ChinaTime.dayString(Date(millisecondsSince1970: nowMs + Int64($0) * Self.dayMs))
            }
            let today = ChinaTime.dayString(DemoFixture.now)
            let departments = try await DemoRows.query(db, "SELECT id, area_code, stationing FROM departments")
            let roster = try await DemoRows.query(
                db,
                """
                SELECT r.department_id, r.day, r.account_id, a.role, a.department_id AS account_department
                FROM duty_rosters r JOIN accounts a ON a.id = r.account_id
                """)
            XCTAssertEqual(roster.count, summary.dutyRosterEntries)
            let byDepartment = Dictionary(grouping: roster) { $0["department_id"] ?? "" }
            let rotating = departments.filter { $0["stationing"] == Stationing.rotating.rawValue }
            XCTAssertFalse(rotating.isEmpty)
            XCTAssertEqual(Set(byDepartment.keys), Set(rotating.compactMap { $0["id"] }), "only rotating ones")
            for department in rotating {
                let id = department["id"] ?? ""
                let entries = byDepartment[id] ?? []
                let days = Dictionary(grouping: entries) { $0["day"] ?? "" }
                for day in window { XCTAssertEqual(days[day]?.count, 1, "department \(id) on \(day)") }
                XCTAssertEqual(Set(days.keys), Set(window))
                let people = Set(entries.compactMap { $0["account_id"] })
                XCTAssertTrue((2...4).contains(people.count), "department \(id) rotates \(people.count) people")
                for entry in entries {
                    XCTAssertEqual(entry["role"], Role.departmentHandler.rawValue)
                    XCTAssertEqual(entry["account_department"], id, "on duty for their own department")
                }
                let onDuty = try await db.read {
                    try await CenterRepository($0).onDuty(areaCode: department["area_code"] ?? "", day: today)
                }
                XCTAssertEqual(onDuty[Int64(id) ?? 0]?.count, 1, "department \(id) has someone on duty today")
            }
        }
    }

    func testAreasHaveAliasesGeodesicAreaAndTheirFirstDay() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, _ in
            let areas = try await DemoRows.query(
                db,
                """
                SELECT code, parent_code, level, grid_kind, name, boundary, aliases, area_m2, effective_from, status
                FROM areas
                """)
            let firstDay = ChinaTime.dayString(
                Date(millisecondsSince1970: DemoFixture.now.millisecondsSince1970 - 400 * Self.dayMs))
            var size: [String: Double] = [:]
            for area in areas {
                let code = area["code"] ?? ""
                XCTAssertEqual(area["status"], "active")
                XCTAssertEqual(area["effective_from"], firstDay, code)
                let polygon = try XCTUnwrap(GeoPolygon(geoJSON: area["boundary"] ?? ""), code)
                let m2 = try XCTUnwrap(Double(area["area_m2"] ?? ""), code)
                XCTAssertEqual(m2, GeodesicArea.squareMetres(of: [polygon]), accuracy: 1e-6 * m2)
                XCTAssertGreaterThan(m2, 10_000, "\(code) is at least a hectare")
                size[code] = m2
                if area["level"] != AreaLevel.county.rawValue && area["level"] != AreaLevel.city.rawValue {
                    XCTAssertEqual(area["aliases"], "", "\(code) needs no alias")
                }
            }
            let jiuyuan = areas.first { $0["code"] == "150207000000" }
            XCTAssertEqual(jiuyuan?["aliases"], "九原")
            // Ordinary children tile their parent, so their areas add up to its area.
            let tiles = areas.filter { $0["grid_kind"] == "∅" || $0["grid_kind"] == GridKind.ordinary.rawValue }
            let families = Dictionary(grouping: tiles) { $0["parent_code"] ?? "∅" }
            for (parent, children) in families where parent != "∅" {
                let total = children.reduce(0.0) { $0 + (size[$1["code"] ?? ""] ?? 0) }
                let whole = try XCTUnwrap(size[parent])
                XCTAssertEqual(total, whole, accuracy: whole * 1e-9, "children of \(parent)")
            }
        }
    }
}
