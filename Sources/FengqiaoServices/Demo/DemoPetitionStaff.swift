import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The demo county's people the demo petitions need: its petition officer, dispatcher and leader, and the
/// handler of its 人社局 (the department the petitions are dispatched to).
struct DemoPetitionStaff: Sendable {
    var officer: Caller
    var dispatcher: Caller
    var leader: Caller
    var handler: Caller
    var department: Int64

    static func find(in database: any Database, county: String) async throws -> DemoPetitionStaff? {
        try await database.read { db in
            let accounts = AccountRepository(db)
            func person(_ role: Role, area: String) async throws -> Caller? {
                let row = try await db.select().column("username").from("accounts").where("role", .equal, role.rawValue)
                    .where("area_code", .equal, area).orderBy("id").limit(1).first()
                guard let username = try row?.decode(column: "username", as: String.self),
                      let account = try await accounts.find(username: username) else { return nil }
                return caller(account)
            }
            guard let officer = try await person(.petitionOfficer, area: county),
                  let dispatcher = try await person(.dispatcher, area: county),
                  let leader = try await person(.leader, area: county),
                  let department = try await db.select().column("id").from("departments").where("area_code", .equal, county)
                    .where("code", .equal, "humanResources").first()?.decode(column: "id", as: Int64.self),
                  let handlerName = try await db.select().column("username").from("accounts")
                    .where("department_id", .equal, department).orderBy("id").limit(1).first()?
                    .decode(column: "username", as: String.self),
                  let handler = try await accounts.find(username: handlerName).flatMap(caller)
            else { return nil }
            return DemoPetitionStaff(officer: officer, dispatcher: dispatcher, leader: leader, handler: handler,
                                     department: department)
        }
    }

    static func caller(_ account: AccountRecord) -> Caller? {
        guard let root = AreaCode(account.areaCode), let role = Role(rawValue: account.role) else { return nil }
        let staff = Staff(accountID: account.id ?? 0, username: account.username, displayName: account.displayName,
                          role: role, jurisdiction: Jurisdiction(root: root), departmentID: account.departmentId)
        return Caller(staff: staff, ip: "demo")
    }
}
