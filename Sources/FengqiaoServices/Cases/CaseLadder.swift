import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The share of cases resolved at or below each tier of the mediation ladder (小事不出村、大事不出镇),
/// over the days a case was resolved (closed, and not reopened since), in the caller's jurisdiction or
/// an area inside it; department staff count only the cases their department took part in. Counted
/// in one GROUP BY over the tier the engine projects when a case is closed.
public struct CaseLadder: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The ladder for the Beijing days `from` through `to` (`yyyy-MM-dd`, both required) in `areaCode`
    /// (nil or empty: the whole jurisdiction). Bad days or a malformed area are field errors; an area
    /// outside the jurisdiction is not found.
    public func report(from fromText: String?, to toText: String?, areaCode: String?, caller: Caller) async throws
        -> CaseLadderReport
    {
        let staff = caller.staff
        try staff.require(.viewCases)
        var problems: [FieldError] = []
        func day(_ text: String?, _ field: String, _ label: String) -> CivilDate? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                problems.append(.required(field, label: label))
                return nil
            }
            guard let day = CivilDate(text) else {
                problems.append(FieldError(field: field, code: "invalid_format", message: "\(label)应为 yyyy-MM-dd 格式的有效日期"))
                return nil
            }
            return day
        }
        let from = day(fromText, "from", "起始日期")
        let to = day(toText, "to", "截止日期")
        if let from, let to, from > to {
            problems.append(FieldError(field: "to", code: "out_of_range", message: "截止日期不能早于起始日期"))
        }
        let area = areaCode?.trimmingCharacters(in: .whitespaces)
        if let area, !area.isEmpty, AreaCode(area) == nil {
            problems.append(FieldError(field: "area", code: "invalid_format", message: "区域编码格式不正确"))
        }
        guard problems.isEmpty, let from, let to else { throw DomainError.validation(problems) }
        let scope = try staff.scope(area)
        var filter = CaseListRepository.Filter(prefix: scope.prefix, byGrid: scope.level >= .grid)
        filter.involvingDepartment = staff.departmentID
        let built = filter
        let counts = try await platform.database.read { db in
            try await CaseListRepository(db).resolvedByTier(
                built, from: from.start.millisecondsSince1970, until: to.adding(days: 1).start.millisecondsSince1970)
        }
        var byTier: [MediationTier: Int] = [:]
        for (tier, n) in counts {
            if let tier = MediationTier(rawValue: tier) { byTier[tier, default: 0] += n }
        }
        return CaseLadderReport(LadderShare(resolvedByTier: byTier), from: from, to: to, areaCode: scope.root.rawValue)
    }
}
