import FengqiaoDomain
import Foundation

/// What the staff case page shows beyond `CaseView`: the commands the caller may issue now, the
/// departments a dispatch may name, where the case lies, and the mediations and petition linked to it.
public struct CasePage: Sendable, Equatable {
    public struct Department: Sendable, Equatable {
        public var id: Int64
        public var name: String
    }

    public struct Linked: Sendable, Equatable {
        public var number: String
        public var stateName: String
    }

    public var view: CaseView
    /// Exactly the commands the workflow allows the caller now (`CaseWorkflow.offered`), minus what only
    /// the petition reception decides for a petition's case.
    public var offered: [CaseCommand.Name]
    /// Who did each step of the timeline, by name and role.
    public var actors: [String]
    /// The staff notes of the timeline, entry by entry (reasons, results, notes the requester does not see).
    public var notes: [String?]
    public var channel: String
    public var channelName: String
    public var reportedAt: Date
    public var acceptedAt: Date?
    public var address: String?
    public var coordinate: Coordinate?
    public var gridName: String?
    /// The grid's boundary (empty when the case has no grid or the grid none), for the page's map.
    public var gridPolygons: [GeoPolygon]
    public var areaName: String?
    /// The departments of the case's area and the areas above it, for dispatch, whistle and reassignment.
    public var departments: [Department]
    public var mediations: [Linked]
    /// The petition's row id when the case was opened for a petition.
    public var petitionID: Int64?
    public var duplicates: [CaseDuplicate]
    public var attemptLimit: Int
    public var attemptsAtTier: Int
    public var mayReveal: Bool
}
