import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The hotline desk on the sample areas: a dispatcher of the township (who imports work orders), a
/// department to dispatch to and one of its handlers. The clock stands at 2026-11-23 10:00 (Beijing).
struct HotlineFixture {
    let platform: Platform
    let clock: ManualClock
    let desk: Caller
    let department: Int64
    let handler: Caller

    static let header = ["工单编号", "来电时间", "诉求人", "电话", "诉求内容", "地址", "诉求类型", "办结时限"]
    /// Two good work orders: one naming the grid, one only the community.
    static let orders = [
        ["GD20261120001", "2026-11-20 09:15:00", "张三", "13812345678", "楼上装修噪音扰民已持续一周", "沙河街道康乐社区第1网格阳光花园3栋",
         "噪音扰民", "2026-11-27 17:00"],
        ["GD20261121002", "2026/11/21 14:02", "李四", "0472-5123456", "小区供暖温度不达标家中只有十五度", "康乐社区阳光花园5栋", "供暖问题",
         "2026-11-28"],
    ]

    static func make(_ db: any Database) async throws -> HotlineFixture {
        try await SampleAreas.insert(into: db)
        let clock = ManualClock()
        let platform = try TestPlatform.make(database: db, clock: clock)
        let township = try XCTUnwrap(AreaCode(SampleAreas.township))
        let county = try XCTUnwrap(AreaCode(SampleAreas.county))
        let leader = Caller(staff: Staff(accountID: 9, username: "leader", displayName: "领导", role: .leader,
                                         jurisdiction: Jurisdiction(root: county)), ip: "test")
        let department = try await CenterAdministration(platform: platform).addDepartment(
            areaCode: SampleAreas.township, code: "housing", name: "住建办", stationing: .resident, caller: leader)
        return HotlineFixture(
            platform: platform, clock: clock,
            desk: caller(.dispatcher, township, id: 1, name: "desk"), department: department,
            handler: caller(.departmentHandler, township, id: 2, name: "handler", department: department))
    }

    static func caller(_ role: Role, _ area: AreaCode, id: Int64, name: String, department: Int64? = nil) -> Caller {
        Caller(staff: Staff(accountID: id, username: name, displayName: name, role: role,
                            jurisdiction: Jurisdiction(root: area), departmentID: department), ip: "test")
    }

    static func csv(_ rows: [[String]], header: [String] = header) -> Data {
        CSVWriter().write(header: header, rows: rows)
    }

    func run(_ data: Data, _ filename: String = "orders.csv", profile: String? = nil, as caller: Caller? = nil)
        async throws -> HotlineBatchReport
    {
        try await HotlineImport(platform: platform).run(data: data, filename: filename, profile: profile, caller: caller ?? desk)
    }

    func count(_ table: String) async throws -> Int {
        try await platform.database.read { try await $0.countRows(in: table) }
    }

    func caseRecord(_ number: String?) async throws -> CaseRecord {
        let number = try XCTUnwrap(number)
        let record = try await platform.database.read { try await CaseRepository($0).find(number: number) }
        return try XCTUnwrap(record)
    }

    func perform(_ name: CaseCommand.Name, _ number: String, body: CaseCommandBody = CaseCommandBody(), as caller: Caller? = nil)
        async throws -> CaseView
    {
        try await CaseEngine(platform: platform).perform(CaseCommandRequest(name: name, body: body), caseNumber: number,
                                                         caller: caller ?? desk)
    }

    /// The webhook rows queued for the hotline, oldest first.
    func webhookRows() async throws -> [NotificationRecord] {
        try await platform.database.read { db in
            try await db.select().column("*").from("notification_outbox").where("channel", .equal, "webhook").orderBy("id")
                .all().map { try $0.decode(model: NotificationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
        }
    }
}
