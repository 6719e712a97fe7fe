import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A patrol as the app shows it: its phone-given reference, grid, times, how many track points it has and,
/// once ended, the checklist as walked.
public struct PatrolView: Sendable, Codable, Equatable {
    public var ref: String
    public var gridCode: String
    public var startedAt: Int64
    public var endedAt: Int64?
    public var pointCount: Int64
    public var checklist: [PatrolChecklist.Checked]
    public var note: String?

    init(_ record: PatrolRecord) {
        ref = record.clientRef
        gridCode = record.gridCode
        startedAt = record.startedAt
        endedAt = record.endedAt
        pointCount = record.pointCount
        checklist = record.checklist.flatMap {
            try? JSONDecoder().decode([PatrolChecklist.Checked].self, from: Data($0.utf8))
        } ?? []
        note = record.note
    }
}
