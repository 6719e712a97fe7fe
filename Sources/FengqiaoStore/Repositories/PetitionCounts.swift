import Foundation

/// The figures at the top of the petition list, as the centres report them: petitions, and of the visits
/// the batches (批次) and persons (人次), and the collective visits (集体访).
public struct PetitionCounts: Sendable, Codable, Equatable {
    public var petitions: Int
    public var visitBatches: Int
    public var visitPersons: Int
    public var collectiveBatches: Int

    public init(petitions: Int = 0, visitBatches: Int = 0, visitPersons: Int = 0, collectiveBatches: Int = 0) {
        self.petitions = petitions
        self.visitBatches = visitBatches
        self.visitPersons = visitPersons
        self.collectiveBatches = collectiveBatches
    }
}
