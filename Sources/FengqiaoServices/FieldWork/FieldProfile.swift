import FengqiaoDomain
import Foundation

/// What the app needs to know about the signed-in worker: who, which grids, the checklist to walk.
public struct FieldProfile: Sendable, Codable, Equatable {
    public struct Grid: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
    }

    public var username: String
    public var displayName: String
    public var roleName: String
    public var grids: [Grid]
    public var checklist: [PatrolChecklist.Item]
    public var subjectKinds: [PatrolChecklist.Item]
    /// The active case categories a report may name (`code`, `类别 · 名称`).
    public var categories: [PatrolChecklist.Item]
}
