import Foundation

/// The petition and mediation figures of one area for a period.
public struct FigureRow: Sendable, Codable, Equatable {
    public var petitionBatches = 0
    public var petitionPersons = 0
    public var petitioners = 0
    public var visitBatches = 0
    public var visitPersons = 0
    public var collectiveVisits = 0
    public var repeatPetitions = 0
    public var acceptedPetitions = 0
    public var mediationsReceived = 0
    public var mediationsSucceeded = 0
    public var mediationsPartial = 0
    public var mediationsFailed = 0
    /// In 分.
    public var mediationAmountFen: Int64 = 0

    public init() {}

    /// 调解成功率: succeeded among the mediations that ended with an outcome (成功、部分达成、不成), in
    /// per mille; nil while none ended. Withdrawn and still-open mediations are not in it.
    public var successPerMille: Int? {
        let concluded = mediationsSucceeded + mediationsPartial + mediationsFailed
        guard concluded > 0 else { return nil }
        return (mediationsSucceeded * 1000 + concluded / 2) / concluded
    }

    /// The value of `figure` (the amount in 分).
    public func value(_ figure: CentreFigure) -> Int64 {
        switch figure {
        case .petitionBatches: Int64(petitionBatches)
        case .petitionPersons: Int64(petitionPersons)
        case .petitioners: Int64(petitioners)
        case .visitBatches: Int64(visitBatches)
        case .visitPersons: Int64(visitPersons)
        case .collectiveVisits: Int64(collectiveVisits)
        case .repeatPetitions: Int64(repeatPetitions)
        case .acceptedPetitions: Int64(acceptedPetitions)
        case .mediationsReceived: Int64(mediationsReceived)
        case .mediationsSucceeded: Int64(mediationsSucceeded)
        case .mediationsPartial: Int64(mediationsPartial)
        case .mediationsFailed: Int64(mediationsFailed)
        case .mediationAmount: mediationAmountFen
        }
    }

    /// The sum of two rows. People are summed too: one person in both counts twice, so a total of
    /// different people is counted over the whole area, not summed.
    public static func + (a: FigureRow, b: FigureRow) -> FigureRow {
        var sum = FigureRow()
        sum.petitionBatches = a.petitionBatches + b.petitionBatches
        sum.petitionPersons = a.petitionPersons + b.petitionPersons
        sum.petitioners = a.petitioners + b.petitioners
        sum.visitBatches = a.visitBatches + b.visitBatches
        sum.visitPersons = a.visitPersons + b.visitPersons
        sum.collectiveVisits = a.collectiveVisits + b.collectiveVisits
        sum.repeatPetitions = a.repeatPetitions + b.repeatPetitions
        sum.acceptedPetitions = a.acceptedPetitions + b.acceptedPetitions
        sum.mediationsReceived = a.mediationsReceived + b.mediationsReceived
        sum.mediationsSucceeded = a.mediationsSucceeded + b.mediationsSucceeded
        sum.mediationsPartial = a.mediationsPartial + b.mediationsPartial
        sum.mediationsFailed = a.mediationsFailed + b.mediationsFailed
        sum.mediationAmountFen = a.mediationAmountFen + b.mediationAmountFen
        return sum
    }
}
