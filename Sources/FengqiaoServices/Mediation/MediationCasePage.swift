import Foundation

/// A page of the mediation list, newest first; `nextId` (the last row's id) continues it, nil on the last page.
public struct MediationCasePage: Sendable, Equatable {
    public var mediations: [MediationCaseListItem]
    public var nextId: Int64?

    public init(mediations: [MediationCaseListItem], nextId: Int64?) {
        self.mediations = mediations
        self.nextId = nextId
    }
}
