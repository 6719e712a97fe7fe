import FengqiaoDomain
import XCTest

final class GridStaffingTests: XCTestCase {
    func testPostsAndTheirRules() {
        XCTAssertEqual(GridPost.allCases.map(\.chineseName), ["网格长", "网格警", "专职网格员", "兼职网格员"])
        XCTAssertEqual(GridPost.allCases.map(\.minimumCount), [1, 1, 1, 0])
        XCTAssertEqual(GridPost.allCases.map(\.maximumCount), [1, nil, nil, nil])
        XCTAssertEqual(GridPost.allCases.map(\.recommendedMinimumCount), [1, 1, 1, 1])
        XCTAssertEqual(try GridPost(parsing: "社区民警", field: "post"), .police)
        XCTAssertEqual(GridPost.allCases.sorted(), GridPost.allCases)
    }

    func testAFullyStaffedGridHasNoFindings() {
        let staffing = GridStaffing(posts: [.leader: [1], .police: [2], .fullTime: [3], .partTime: [4, 5, 6]])
        XCTAssertEqual(staffing.findings, [])
        XCTAssertTrue(staffing.isFullyStaffed)
        XCTAssertEqual(staffing.holders[.partTime]?.count, 3)
    }

    func testAnEmptyGridMissesEveryRequiredPost() {
        let staffing = GridStaffing(posts: [:])
        XCTAssertEqual(staffing.unfilledPosts, [.leader, .police, .fullTime])
        XCTAssertEqual(staffing.messages, ["缺网格长", "缺网格警", "缺专职网格员", "建议配备兼职网格员"])
        XCTAssertFalse(staffing.isFullyStaffed)
    }

    func testEachMissingPostIsReportedOnItsOwn() {
        let full: [GridPost: [Int64]] = [.leader: [1], .police: [2], .fullTime: [3], .partTime: [4]]
        for post in [GridPost.leader, .police, .fullTime] {
            var posts = full
            posts[post] = []
            let staffing = GridStaffing(posts: posts)
            XCTAssertEqual(staffing.unfilledPosts, [post])
            XCTAssertEqual(staffing.messages, ["缺" + post.chineseName])
            XCTAssertFalse(staffing.isFullyStaffed)
        }
    }

    func testTwoLeadersAreOverfilledButSeveralOfficersAreFine() {
        let staffing = GridStaffing(posts: [.leader: [1, 2], .police: [3, 4], .fullTime: [5, 6], .partTime: [7]])
        XCTAssertEqual(staffing.overfilledPosts, [.leader])
        XCTAssertEqual(staffing.findings, [.overfilled(.leader, excess: 1)])
        XCTAssertEqual(staffing.messages, ["网格长超配1名"])
        XCTAssertFalse(staffing.isFullyStaffed)
    }

    func testTheSameAccountListedTwiceCountsOnce() {
        let staffing = GridStaffing(posts: [.leader: [1, 1], .police: [2], .fullTime: [3, 3]])
        XCTAssertEqual(staffing.overfilledPosts, [])
        XCTAssertTrue(staffing.isFullyStaffed, "a missing part-timer is only a recommendation")
        XCTAssertEqual(staffing.findings, [.belowRecommendation(.partTime)])
    }

    func testWorkloadRatiosGuardDivisionByZero() {
        let workload = Workload(gridCount: 12, householdCount: 3_600, workerCount: 8)
        XCTAssertEqual(workload.gridsPerWorker, 1.5)
        XCTAssertEqual(workload.householdsPerWorker, 450)
        XCTAssertEqual(workload.householdsPerGrid, 300)
        let nobody = Workload(gridCount: 12, householdCount: 3_600, workerCount: 0)
        XCTAssertNil(nobody.gridsPerWorker)
        XCTAssertNil(nobody.householdsPerWorker)
        XCTAssertNil(Workload(gridCount: 0, householdCount: 10, workerCount: 1).householdsPerGrid)
        XCTAssertNil(Workload(gridCount: -1, householdCount: 10, workerCount: 1).gridsPerWorker)
        XCTAssertNil(Workload(gridCount: 1, householdCount: 10, workerCount: -2).householdsPerWorker)
        XCTAssertEqual(Workload(gridCount: 0, householdCount: 0, workerCount: 3).gridsPerWorker, 0)
    }
}
