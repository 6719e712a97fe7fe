import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Setting up the 综治中心 of an area: its name, address and hotline, its 9+N departments and how
/// each is stationed (常驻, 轮驻, 随叫随驻), and the duty roster of rotating departments. Needs
/// `editMap`, stays inside the caller's jurisdiction, and is audited.
public struct CenterAdministration: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public func saveCenter(areaCode: String, name: String, address: String, hotline: String, caller: Caller) async throws {
        let area = try await area(areaCode, caller)
        guard let level = CenterLevel(areaLevel: area.level) else {
            throw DomainError.conflict(code: "no_center_here", message: "网格不设综治中心,请在村(社区)及以上设立")
        }
        var errors: [FieldError] = []
        let name = name.trimmingCharacters(in: .whitespaces), address = address.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(.required("name", label: "中心名称")) }
        if name.count > 60 { errors.append(.tooLong("name", label: "中心名称", max: 60)) }
        if address.count > 200 { errors.append(.tooLong("address", label: "地址", max: 200)) }
        let phone = hotline.trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty, PhoneNumber(phone) == nil { errors.append(.invalid("hotline", label: "服务热线")) }
        guard errors.isEmpty else { throw DomainError.validation(errors) }
        let record = CenterRecord(areaCode: areaCode, name: name, level: level.rawValue, address: address,
                                  hotline: phone, createdAt: platform.clock.now().millisecondsSince1970)
        try await audited(caller, "center.save", "center", areaCode, #"{"name":"\#(Self.escaped(name))"}"#) { db in
            try await CenterRepository(db).save(record)
        }
    }

    /// Adds a department to the centre of `areaCode`; returns its id.
    public func addDepartment(
        areaCode: String, code: String, name: String, stationing: Stationing, caller: Caller
    ) async throws -> Int64 {
        _ = try await area(areaCode, caller)
        let departmentCode: DepartmentCode, departmentName: DepartmentName
        do {
            departmentCode = try DepartmentCode(code, field: "code")
            departmentName = try DepartmentName(name, field: "name")
        } catch { throw DomainError.validation([error]) }
        let record = DepartmentRecord(areaCode: areaCode, code: departmentCode.rawValue, name: departmentName.rawValue,
                                      isCore: departmentCode.coreDepartment == nil ? 0 : 1, stationing: stationing.rawValue)
        return try await audited(caller, "department.create", "center", areaCode, #"{"code":"\#(departmentCode.rawValue)"}"#) { db in
            do { return try await CenterRepository(db).insert(record) } catch StoreError.duplicate {
                throw DomainError.conflict(code: "duplicate_department", message: "该中心已有此部门")
            }
        }
    }

    /// Changes how a department is stationed.
    public func setStationing(departmentID: Int64, to stationing: Stationing, caller: Caller) async throws {
        let department = try await department(departmentID, caller)
        try await audited(caller, "department.stationing", "department", String(departmentID),
                          #"{"before":"\#(department.stationing)","after":"\#(stationing.rawValue)"}"#) { db in
            try await CenterRepository(db).setStationing(departmentId: departmentID, to: stationing.rawValue)
        }
    }

    /// Plans a weekly rotation of `usernames` for a 轮驻 department from `firstDay` through `lastDay`,
    /// replacing what was planned for those days.
    public func planRotation(
        departmentID: Int64, usernames: [String], from firstDay: String, through lastDay: String, weekdaysOnly: Bool,
        caller: Caller
    ) async throws -> DutyRoster {
        let department = try await department(departmentID, caller)
        guard department.stationing == Stationing.rotating.rawValue else {
            throw DomainError.conflict(code: "not_rotating", message: "只有轮驻部门需要排班")
        }
        var members: [DutyRoster.Member] = []
        for (i, username) in usernames.enumerated() {
            let account = try await platform.database.read { try await AccountRepository($0).find(username: username) }
            guard let account, let id = account.id, account.status == "active",
                  caller.staff.jurisdiction.contains(account.areaCode)
            else {
                throw DomainError.validation([FieldError(field: "usernames[\(i)]", code: "unknown", message: "辖区内没有账号 \(username)")])
            }
            members.append(.init(accountID: id, name: account.displayName))
        }
        let roster = try DutyRoster.weeklyRotation(of: members, from: firstDay, through: lastDay, weekdaysOnly: weekdaysOnly)
        let days = Self.days(from: firstDay, through: lastDay)
        let entries = roster.entries.map { (day: $0.day, accountId: $0.member.accountID) }
        try await audited(caller, "department.roster", "department", String(departmentID),
                          #"{"from":"\#(firstDay)","through":"\#(lastDay)","people":\#(members.count)}"#) { db in
            try await CenterRepository(db).replaceRoster(departmentId: departmentID, days: days, entries: entries)
        }
        return roster
    }

    // MARK: -

    private func area(_ code: String, _ caller: Caller) async throws -> AreaNode {
        try await platform.area(code, for: caller, needing: .editMap).node
    }

    private func department(_ id: Int64, _ caller: Caller) async throws -> DepartmentRecord {
        try caller.staff.require(.editMap)
        let department = try await platform.database.read { try await CenterRepository($0).department(id: id) }
        guard let department, caller.staff.jurisdiction.contains(department.areaCode) else {
            throw DomainError.notFound(what: "部门")
        }
        return department
    }

    private func audited<T: Sendable>(
        _ caller: Caller, _ action: String, _ type: String, _ id: String, _ summary: String,
        _ body: @Sendable @escaping (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let result = try await body(db)
            try await AuditTrail.append(AuditEntry(caller, action: action, objectType: type, objectID: id, summary: summary),
                                        at: nowMs, in: db, kind: kind)
            return result
        }
    }

    /// Every day from `first` through `last` (both valid, `first` ≤ `last`, checked by the rotation).
    static func days(from first: String, through last: String) -> [String] {
        guard var date = ChinaTime.date(ofDay: first), let end = ChinaTime.date(ofDay: last) else { return [] }
        var days: [String] = []
        while date <= end, days.count <= DutyRoster.maximumRotationDays {
            days.append(ChinaTime.dayString(date))
            date = date.addingTimeInterval(86_400)
        }
        return days
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
