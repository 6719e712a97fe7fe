import FengqiaoDomain
import Foundation

/// Case facts for the rule tests: a case reported `day` days after 2026-11-02 (a Monday) at 09:00 China time.
enum RiskFixtures {
    static let day: Int64 = 86_400_000
    /// 2026-11-02 01:00 UTC = 09:00 in Beijing.
    static let start: Int64 = 1_793_581_200_000

    static func fact(
        _ id: Int64, day offset: Int = 0, area: String = "150207001001", grid: String? = "150207001001:01",
        address: String? = nil, category: String = "labourWages", respondent: String? = nil, applicant: String? = nil,
        people: Int = 1, amountFen: Int64 = 0, text: String = "反映问题", tags: Set<PersonTag> = []
    ) -> RiskCaseFact {
        let at = start + Int64(offset) * day
        return RiskCaseFact(
            caseId: id, number: "JY2026\(String(format: "%06d", id))", areaCode: area, gridCode: grid, address: address,
            category: category, respondentKey: respondent, applicantKey: applicant, peopleInvolved: people,
            amountInvolved: amountFen, text: text, reportedAt: at, reportedDay: dayText(at), personTags: tags)
    }

    static func dayText(_ ms: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(ms) / 1000))
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The end of day `offset`, as an evaluation time.
    static func asOf(day offset: Int) -> Int64 { start + Int64(offset) * day + 12 * 3_600_000 }
}
