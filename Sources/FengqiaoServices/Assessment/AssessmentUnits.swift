import FengqiaoDomain
import FengqiaoStore
import SQLKit

/// Which units a member of staff speaks for and sees. Their own unit (for highlight requests and appeals): a
/// department's staff their department; a grid leader the grid workers in their area; staff answering for a
/// township that township. They see the units whose area lies in their jurisdiction, department staff only their
/// department.
enum AssessmentUnits {
    static let choiceLimit = 300

    /// The unit `unit` names, if it exists: a township of the map, a department, a grid worker's account.
    static func profile(_ unit: AssessedUnit, atlas: AreaAtlas, in db: any SQLDatabase) async throws -> AssessedUnitProfile? {
        switch unit.kind {
        case .township:
            guard let node = atlas.node(unit.code), node.level == .township else { return nil }
            return AssessedUnitProfile(unit: unit, name: node.name, areaCode: node.code)
        case .department:
            guard let id = Int64(unit.code), let department = try await CenterRepository(db).department(id: id) else { return nil }
            return AssessedUnitProfile(unit: unit, name: departmentName(department, atlas: atlas), areaCode: department.areaCode)
        case .gridWorker:
            guard let id = Int64(unit.code), let account = try await AccountRepository(db).find(id: id),
                  account.role == Role.gridWorker.rawValue
            else { return nil }
            return AssessedUnitProfile(unit: unit, name: account.displayName, areaCode: account.areaCode)
        }
    }

    /// `沙河街道·派出所`: the centre's area, then the department (names repeat across centres).
    static func departmentName(_ department: DepartmentRecord, atlas: AreaAtlas) -> String {
        guard let centre = atlas.node(department.areaCode)?.name else { return department.name }
        return centre + "·" + department.name
    }

    /// The units `staff` may ask points for and appeal for.
    static func own(_ staff: Staff, atlas: AreaAtlas, in db: any SQLDatabase) async throws -> [AssessedUnitProfile] {
        if let department = staff.departmentID {
            return try await profile(.department(department), atlas: atlas, in: db).map { [$0] } ?? []
        }
        switch staff.role {
        case .departmentHandler:
            return []
        case .gridLeader:
            return try await AssessmentAdjustmentRepository(db).gridWorkers(prefix: staff.jurisdiction.prefix, limit: choiceLimit)
                .map { AssessedUnitProfile(unit: AssessedUnit(.gridWorker, String($0.id)), name: $0.name, areaCode: $0.areaCode) }
        default:
            guard staff.jurisdiction.level == .township, let township = AssessedUnit.township(of: staff.jurisdiction.root.rawValue),
                  let node = atlas.node(township.code)
            else { return [] }
            return [AssessedUnitProfile(unit: township, name: node.name, areaCode: node.code)]
        }
    }

    /// The unit the requester chose among their own: the one given (`formValue`), or their only one. A unit outside
    /// the jurisdiction is "not found"; one inside that is not theirs, a field error.
    static func chooseOwn(_ formValue: String?, staff: Staff, atlas: AreaAtlas, in db: any SQLDatabase) async throws
        -> AssessedUnitProfile
    {
        let own = try await Self.own(staff, atlas: atlas, in: db)
        guard let raw = formValue?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            if own.count == 1, let only = own.first { return only }
            throw DomainError.validation([own.isEmpty
                ? FieldError(field: "unit", code: "no_unit", message: "您的账号没有对应的被考核单位")
                : FieldError(field: "unit", code: "required", message: "请选择被考核单位")])
        }
        guard let unit = AssessedUnit(formValue: raw) else {
            throw DomainError.validation([.invalid("unit", label: "被考核单位")])
        }
        if let mine = own.first(where: { $0.unit == unit }) { return mine }
        _ = try await visible(unit, staff: staff, atlas: atlas, in: db)
        throw DomainError.validation([FieldError(field: "unit", code: "not_own", message: "只能为本单位申请")])
    }

    /// Unit `unit` if `staff` may see it; else "not found".
    static func visible(_ unit: AssessedUnit, staff: Staff, atlas: AreaAtlas, in db: any SQLDatabase) async throws
        -> AssessedUnitProfile
    {
        guard let profile = try await profile(unit, atlas: atlas, in: db), sees(profile.unit, areaCode: profile.areaCode, staff: staff)
        else { throw DomainError.notFound(what: "该被考核单位") }
        return profile
    }

    /// Whether `staff` sees a unit lying in `areaCode`.
    static func sees(_ unit: AssessedUnit, areaCode: String, staff: Staff) -> Bool {
        guard staff.jurisdiction.contains(areaCode) else { return false }
        guard let department = staff.departmentID else { return true }
        return unit == .department(department)
    }

    /// What a list shows `staff`.
    static func scope(_ staff: Staff, state: String?) -> AssessmentAdjustmentRepository.Scope {
        AssessmentAdjustmentRepository.Scope(
            prefix: staff.jurisdiction.prefix, unitKind: staff.departmentID.map { _ in AssessedUnitKind.department.rawValue },
            unitCode: staff.departmentID.map(String.init), state: state)
    }

    /// Every unit an assessor may record a deduction for: the townships, departments and grid workers of the
    /// jurisdiction (each kind at most `choiceLimit`).
    static func inJurisdiction(_ staff: Staff, atlas: AreaAtlas, in db: any SQLDatabase) async throws -> [AssessedUnitProfile] {
        var units: [AssessedUnitProfile] = []
        for kind in AssessedUnitKind.allCases {
            units += try await inArea(staff.jurisdiction.root.rawValue, kind: kind, staff: staff, atlas: atlas, in: db)
                .prefix(choiceLimit)
        }
        return units
    }

    /// The units of `kind` in the area `code` that `staff` sees: townships by code, departments by area and code,
    /// grid workers by name; at most one more than `choiceLimit` (so a caller can tell there were more).
    static func inArea(_ code: String, kind: AssessedUnitKind, staff: Staff, atlas: AreaAtlas, in db: any SQLDatabase)
        async throws -> [AssessedUnitProfile]
    {
        let prefix = AreaCode(code).map { Jurisdiction(root: $0).prefix } ?? code
        let units: [AssessedUnitProfile]
        switch kind {
        case .township:
            var townships: [AssessedUnitProfile] = []
            var queue = [code]
            while let code = queue.popLast(), townships.count <= choiceLimit {
                guard let node = atlas.node(code) else { continue }
                if node.level == .township {
                    townships.append(AssessedUnitProfile(unit: AssessedUnit(.township, code), name: node.name, areaCode: code))
                } else if node.level < .township {
                    queue += atlas.children(of: code).map(\.code)
                }
            }
            units = townships.sorted { $0.unit.code < $1.unit.code }
        case .department:
            units = try await AssessmentAdjustmentRepository(db).departments(prefix: prefix, limit: choiceLimit + 1).compactMap { d in
                d.id.map { AssessedUnitProfile(unit: .department($0), name: departmentName(d, atlas: atlas), areaCode: d.areaCode) }
            }
        case .gridWorker:
            units = try await AssessmentAdjustmentRepository(db).gridWorkers(prefix: prefix, limit: choiceLimit + 1).map {
                AssessedUnitProfile(unit: AssessedUnit(.gridWorker, String($0.id)), name: $0.name, areaCode: $0.areaCode)
            }
        }
        return units.filter { sees($0.unit, areaCode: $0.areaCode, staff: staff) }
    }
}
