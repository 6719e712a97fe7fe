import Foundation

extension AreaCode {
    /// The level a code denotes by its shape: 18 digits a micro-grid, 15 a grid; of the 12-digit
    /// statistical codes, trailing zero groups mark the city (xxxx00000000), county (xxxxxx000000) and
    /// township (xxxxxxxxx000); anything else is a village.
    public var level: AreaLevel {
        let digits = Array(rawValue.utf8)
        switch digits.count {
        case 18: return .microGrid
        case 15: return .grid
        default:
            let zero = UInt8(ascii: "0")
            if digits[4...].allSatisfy({ $0 == zero }) { return .city }
            if digits[6...].allSatisfy({ $0 == zero }) { return .county }
            if digits[9...].allSatisfy({ $0 == zero }) { return .township }
            return .village
        }
    }
}
