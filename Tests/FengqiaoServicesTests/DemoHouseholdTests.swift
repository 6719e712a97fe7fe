import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// Residents live in households of 1–5 people at one address with one 户主; things (隐患点, 设施)
/// lie inside their grid.
final class DemoHouseholdTests: XCTestCase {
    func testEveryHouseholdHasOneHeadAndItsPeopleShareItsGridAndAddress() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let households = try await DemoRows.query(db, "SELECT * FROM households ORDER BY id")
            XCTAssertEqual(households.count, summary.households)
            let people = try await DemoRows.query(
                db, "SELECT id, grid_code, address, household_id, relation, birth_year FROM people")
            XCTAssertTrue(people.allSatisfy { $0["household_id"] != "∅" }, "everyone is registered in a household")
            let members = Dictionary(grouping: people) { $0["household_id"] ?? "" }
            XCTAssertEqual(Set(members.keys), Set(households.compactMap { $0["id"] }), "no empty households")
            var uses: [DwellingUse: Int] = [:]
            for household in households {
                let id = household["id"] ?? ""
                let living = members[id] ?? []
                XCTAssertTrue((1...5).contains(living.count), "household \(id) has \(living.count) people")
                let relations = living.compactMap { HouseholdRelation(rawValue: $0["relation"] ?? "") }
                XCTAssertEqual(relations.count, living.count, "household \(id) has an unknown relation")
                XCTAssertEqual(relations.filter { $0 == .head }.count, 1, "household \(id) needs exactly one 户主")
                for person in living {
                    XCTAssertEqual(person["grid_code"], household["grid_code"], "household \(id)")
                    XCTAssertEqual(person["address"], household["address"], "household \(id)")
                }
                let head = living.first { $0["relation"] == HouseholdRelation.head.rawValue }
                for child in living where child["relation"] == HouseholdRelation.child.rawValue {
                    let born = Int(child["birth_year"] ?? "") ?? 0
                    XCTAssertGreaterThan(born, Int(head?["birth_year"] ?? "") ?? 0, "children are younger")
                }
                uses[try XCTUnwrap(DwellingUse(rawValue: household["dwelling_use"] ?? "")), default: 0] += 1
            }
            XCTAssertGreaterThan(Double(uses[.ownerOccupied] ?? 0), Double(households.count) * 0.6)
            XCTAssertGreaterThan(uses[.rented] ?? 0, 0)
            let average = Double(people.count) / Double(households.count)
            XCTAssertTrue((2.0...3.2).contains(average), "\(average) people per household")
        }
    }

    func testThingsLieInsideTheirGrid() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let boundaries = try await DemoRows.query(db, "SELECT code, boundary FROM areas WHERE level = 'grid'")
            var polygons: [String: GeoPolygon] = [:]
            for row in boundaries {
                polygons[row["code"] ?? ""] = try XCTUnwrap(GeoPolygon(geoJSON: row["boundary"] ?? ""))
            }
            let things = try await DemoRows.query(db, "SELECT * FROM things ORDER BY id")
            XCTAssertEqual(things.count, summary.things)
            var hazards: [String: Int] = [:]
            var facilities: [String: Int] = [:]
            for thing in things {
                let grid = thing["grid_code"] ?? ""
                let polygon = try XCTUnwrap(polygons[grid], "\(grid) is not a grid")
                let point = Coordinate(
                    latitude: Double(thing["lat"] ?? "") ?? 0, longitude: Double(thing["lon"] ?? "") ?? 0)
                XCTAssertTrue(polygon.contains(point), "\(thing["name"] ?? "") lies outside \(grid)")
                let kind = try XCTUnwrap(ThingKind(rawValue: thing["kind"] ?? ""))
                switch kind.category {
                case .hazard: hazards[grid, default: 0] += 1
                case .facility: facilities[grid, default: 0] += 1
                default: XCTFail("\(kind) is neither a hazard nor a facility")
                }
                XCTAssertFalse((thing["note"] ?? "").isEmpty)
                XCTAssertFalse((thing["name"] ?? "").isEmpty)
            }
            for grid in polygons.keys {
                XCTAssertGreaterThanOrEqual(hazards[grid] ?? 0, 1, grid)
                XCTAssertGreaterThanOrEqual(facilities[grid] ?? 0, 2, grid)
            }
            // The spatial index puts each thing in its own ordinary grid.
            let ordinary = try await DemoRows.query(
                db, "SELECT code, boundary FROM areas WHERE level = 'grid' AND grid_kind = 'ordinary'")
            let index = SpatialIndex(
                ordinary.compactMap { row in
                    let code = row["code"] ?? ""
                    return polygons[code].map { SpatialIndex<String>.Entry(id: code, polygons: [$0]) }
                })
            for thing in things where ordinary.contains(where: { $0["code"] == thing["grid_code"] }) {
                let point = Coordinate(
                    latitude: Double(thing["lat"] ?? "") ?? 0, longitude: Double(thing["lon"] ?? "") ?? 0)
                XCTAssertEqual(index.locate(point), thing["grid_code"])
            }
        }
    }
}
