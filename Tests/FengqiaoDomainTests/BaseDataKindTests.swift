import FengqiaoDomain
import XCTest

final class BaseDataKindTests: XCTestCase {
    /// Every kind parses from its Chinese name and its raw value and has a unique Chinese name.
    private func assertRoundTrips<Kind: ChineseNamedKind>(
        _ kind: Kind.Type, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(Set(Kind.allCases.map(\.chineseName)).count, Kind.allCases.count, file: file, line: line)
        for value in Kind.allCases {
            XCTAssertEqual(try Kind(parsing: value.chineseName, field: "kind"), value, file: file, line: line)
            XCTAssertEqual(try Kind(parsing: value.rawValue, field: "kind"), value, file: file, line: line)
            for alias in value.aliases {
                XCTAssertEqual(try Kind(parsing: alias, field: "kind"), value, alias, file: file, line: line)
            }
        }
        XCTAssertThrowsError(try Kind(parsing: "不存在的类型", field: "kind"), file: file, line: line) { error in
            XCTAssertEqual((error as? FieldError)?.code, "unknown_value", file: file, line: line)
            XCTAssertEqual((error as? FieldError)?.message.hasPrefix("无法识别的\(Kind.kindLabel)"), true)
        }
        XCTAssertThrowsError(try Kind(parsing: "", field: "kind"), file: file, line: line) { error in
            XCTAssertEqual((error as? FieldError)?.code, "required", file: file, line: line)
        }
    }

    func testAllKindListsParseBothSpellings() {
        assertRoundTrips(PersonTag.self)
        assertRoundTrips(DwellingUse.self)
        assertRoundTrips(HouseholdRelation.self)
        assertRoundTrips(OrganizationKind.self)
        assertRoundTrips(PlaceKind.self)
        assertRoundTrips(ThingKind.self)
        assertRoundTrips(BaseDataCategory.self)
        assertRoundTrips(CoreDepartment.self)
        assertRoundTrips(GridPost.self)
    }

    func testNoAliasIsClaimedByTwoKinds() {
        func spellings<Kind: ChineseNamedKind>(_ kind: Kind.Type) -> [String] {
            Kind.allCases.flatMap { [$0.chineseName] + $0.aliases }
        }
        for list in [
            spellings(PersonTag.self), spellings(DwellingUse.self), spellings(HouseholdRelation.self),
            spellings(OrganizationKind.self), spellings(PlaceKind.self), spellings(ThingKind.self),
            spellings(CoreDepartment.self), spellings(GridPost.self),
        ] {
            XCTAssertEqual(Set(list).count, list.count, "\(list)")
        }
    }

    func testHouseholdsAndDwellings() throws {
        XCTAssertEqual(DwellingUse.allCases.map(\.chineseName), ["自住", "出租", "空置", "经营", "其他"])
        XCTAssertEqual(HouseholdRelation.allCases.map(\.chineseName), ["户主", "配偶", "子女", "父母", "其他"])
        XCTAssertEqual(try DwellingUse(parsing: "出租屋", field: "use"), .rented)
        XCTAssertEqual(try HouseholdRelation(parsing: "本人", field: "relation"), .head)
    }

    func testOrganizationKindsAcceptFullWidthParentheses() throws {
        XCTAssertEqual(OrganizationKind.villageCommittee.chineseName, "村(居)委会")
        XCTAssertEqual(try OrganizationKind(parsing: "村\u{FF08}居\u{FF09}委会", field: "kind"), .villageCommittee)
        XCTAssertEqual(try OrganizationKind(parsing: "个体户", field: "kind"), .individualBusiness)
    }

    func testPlacesAreKeyPlacesAndThingsAreHazardsOrFacilities() {
        XCTAssertEqual(PlaceKind.school.category, .keyPlace)
        XCTAssertEqual(PlaceKind.internetCafe.category, .keyPlace)
        XCTAssertNil(PlaceKind.residentialCompound.category)
        XCTAssertEqual(PlaceKind.nineSmallPlaces.chineseName, "九小场所")
        XCTAssertEqual(ThingKind.dilapidatedBuilding.category, .hazard)
        XCTAssertEqual(ThingKind.geologicalHazard.category, .hazard)
        XCTAssertEqual(
            ThingKind.allCases.filter { $0.category == .facility },
            [.fireFacility, .eBikeChargingPoint, .camera, .manholeCover, .gasPipeline])
        XCTAssertNil(ThingKind.other.category)
        XCTAssertEqual(BaseDataCategory.allCases.map(\.chineseName), ["重点场所", "隐患点", "设施"])
    }

    func testRawValuesAreStable() {
        XCTAssertEqual(
            DwellingUse.allCases.map(\.rawValue), ["ownerOccupied", "rented", "vacant", "business", "other"])
        XCTAssertEqual(HouseholdRelation.allCases.map(\.rawValue), ["head", "spouse", "child", "parent", "other"])
        XCTAssertEqual(
            OrganizationKind.allCases.map(\.rawValue),
            ["enterprise", "individualBusiness", "socialOrganization", "publicInstitution", "villageCommittee", "other"])
        XCTAssertEqual(
            PlaceKind.allCases.map(\.rawValue),
            [
                "school", "hospital", "shoppingMall", "gasStation", "entertainmentVenue", "rentalHousingCluster",
                "nineSmallPlaces", "farmersMarket", "religiousSite", "other", "kindergarten", "clinic", "internetCafe",
                "hotel", "elderlyCare", "constructionSite", "residentialCompound", "shop", "rentalHousing",
                "courierStation", "industrialPark", "villageCommittee", "farm", "warehouse",
            ])
        XCTAssertEqual(
            ThingKind.allCases.map(\.rawValue),
            [
                "fireFacility", "eBikeChargingPoint", "dilapidatedBuilding", "geologicalHazard", "camera",
                "manholeCover", "gasPipeline", "other",
            ])
    }
}
