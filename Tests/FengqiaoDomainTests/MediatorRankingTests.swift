import FengqiaoDomain
import XCTest

final class MediatorRankingTests: XCTestCase {
    let village = "150207001001"

    func testClosenessComparesVillageTownshipAndCounty() {
        XCTAssertEqual(AreaCloseness("150207001001", "150207001001001"), .village)
        XCTAssertEqual(AreaCloseness("150207001000", "150207001001"), .township)
        XCTAssertEqual(AreaCloseness("150207001000", "150207001000"), .township)
        XCTAssertEqual(AreaCloseness("150207001002", "150207001001"), .township)
        XCTAssertEqual(AreaCloseness("150207002001", "150207001001"), .county)
    }

    func testSpecialtyThenClosenessThenLoadThenID() {
        let candidates = [
            MediatorCandidate(id: 1, areaCode: "150207002001", specialties: [.neighbour], languages: [.mandarin]),
            MediatorCandidate(id: 2, areaCode: "150207001001", specialties: [.labour], languages: [.mandarin]),
            MediatorCandidate(id: 3, areaCode: "150207001000", specialties: [.neighbour], languages: [.mandarin]),
            MediatorCandidate(id: 4, areaCode: "150207001001", specialties: [.neighbour], languages: [.mandarin], load: 3),
            MediatorCandidate(id: 5, areaCode: "150207001001", specialties: [.neighbour], languages: [.mongolian], load: 1),
            MediatorCandidate(id: 6, areaCode: "150207001001", specialties: [.neighbour], languages: [.mandarin], load: 1),
            MediatorCandidate(id: 7, areaCode: "150207001001", specialties: [.neighbour], languages: [.mandarin], availability: .busy),
            MediatorCandidate(id: 8, areaCode: "150207001001", specialties: [.neighbour], languages: [.mandarin], active: false),
        ]
        let ranked = MediatorRanking.rank(candidates, specialty: .neighbour, area: village)
        XCTAssertEqual(ranked.map(\.candidate.id), [5, 6, 4, 3, 1, 2])
        XCTAssertEqual(ranked.map(\.specialtyMatch), [true, true, true, true, true, false])
        XCTAssertEqual(ranked.first?.closeness, .village)
        let mongolian = MediatorRanking.rank(candidates, specialty: .neighbour, area: village, language: .mongolian)
        XCTAssertEqual(mongolian.map(\.candidate.id), [5])
        XCTAssertEqual(MediatorRanking.rank([], specialty: .other, area: village), [])
    }
}
