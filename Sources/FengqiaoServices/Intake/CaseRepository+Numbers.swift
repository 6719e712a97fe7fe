import FengqiaoDomain
import FengqiaoStore
import Foundation

extension CaseRepository {
    /// The next case number of the county that `areaCode` lies in, for the year of `now` (Beijing time).
    func reserveNumber(areaCode: String, at now: Date) async throws -> CaseNumber {
        let year = ChinaTime.year(now)
        let county = String(areaCode.prefix(6))
        let sequence = try await nextSequence(countyPrefix: county, year: year)
        guard let number = CaseNumber(countyPrefix: county, year: year, sequence: sequence) else {
            throw DomainError.conflict(code: "case_numbers_exhausted", message: "本年度案件编号已用尽,请联系系统管理员")
        }
        return number
    }
}
