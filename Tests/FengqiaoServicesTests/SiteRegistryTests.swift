import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class SiteRegistryTests: XCTestCase {
    static let gridLeader = Caller(staff: Staff(accountID: 1, username: "u", displayName: "测试", role: .gridLeader,
                                                jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.township)!)), ip: "t")

    func testPlacesAndThingsTakeTheirGridFromTheLocationAndEveryRejection() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let registry = SiteRegistry(platform: try TestPlatform.make(database: db))
            let (lat, lon) = SampleAreas.pointInGrid
            let bar = try await registry.registerPlace(
                .init(name: "星空网吧", kind: "网吧", address: "康乐小区底商5号", latitude: lat, longitude: lon),
                caller: Self.gridLeader)
            XCTAssertEqual(bar.gridCode, SampleAreas.grid, "the grid comes from the location")
            XCTAssertEqual(bar.kind, "网吧")
            let found = try await registry.searchPlaces("星空网吧", caller: Self.gridLeader).map(\.id)
            XCTAssertEqual(found, [bar.id])
            let charger = try await registry.registerThing(
                .init(name: "3号楼电动车充电点", kind: "电动自行车充电点", gridCode: SampleAreas.grid, address: "康乐小区3号楼",
                      note: "每月检查一次"), caller: Self.gridLeader)
            XCTAssertEqual(charger.gridCode, SampleAreas.grid)

            let rejections: [(SiteSubmission<PlaceKind>, String)] = [
                (.init(name: "", kind: "网吧", address: "x", latitude: lat, longitude: lon), "name"),
                (.init(name: "甲", kind: "飞碟站", address: "x", latitude: lat, longitude: lon), "kind"),
                (.init(name: "甲", kind: "网吧", address: "x"), "latitude"),
                (.init(name: "甲", kind: "网吧", address: "x", latitude: 80, longitude: 10), "latitude"),
                (.init(name: "甲", kind: "网吧", address: "x", latitude: 41.5, longitude: 110.5), "gridCode"),
                (.init(name: "甲", kind: "网吧", gridCode: SampleAreas.village, address: "x", latitude: lat, longitude: lon), "gridCode"),
            ]
            for (submission, field) in rejections {
                do {
                    _ = try await registry.registerPlace(submission, caller: Self.gridLeader)
                    XCTFail("accepted bad \(field)")
                } catch DomainError.validation(let errors) {
                    XCTAssertTrue(errors.contains { $0.field == field }, "\(field): \(errors)")
                }
            }
            let places = try await db.read { try await $0.countRows(in: "places") }
            XCTAssertEqual(places, 1)
        }
    }
}
