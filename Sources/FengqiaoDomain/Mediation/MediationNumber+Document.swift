import Foundation

extension MediationNumber {
    /// The number printed on the mediation's documents (文书编号): `〔2026〕150207调字第000042号`.
    public var documentNumber: String {
        let digits = String(sequence)
        return "〔\(year)〕\(countyPrefix)调字第" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + "号"
    }
}
