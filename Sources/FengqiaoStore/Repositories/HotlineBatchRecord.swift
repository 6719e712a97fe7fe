import Foundation

/// One row of `hotline_batches`: an imported file of 12345 work orders and what came of it.
public struct HotlineBatchRecord: Sendable, Hashable, Codable {
    public var id: Int64?
    public var filename: String
    public var format: String
    public var profile: String
    public var areaCode: String
    public var accountId: Int64?
    public var actor: String
    public var rowCount: Int
    public var created: Int
    public var alreadyImported: Int
    public var changed: Int
    public var failed: Int
    /// The row problems as JSON; nil while the batch runs (or when it was cut off).
    public var problems: String?
    public var startedAt: Int64
    public var finishedAt: Int64?

    public init(
        id: Int64? = nil, filename: String, format: String, profile: String, areaCode: String, accountId: Int64?,
        actor: String, rowCount: Int = 0, created: Int = 0, alreadyImported: Int = 0, changed: Int = 0, failed: Int = 0,
        problems: String? = nil, startedAt: Int64, finishedAt: Int64? = nil
    ) {
        self.id = id
        self.filename = filename
        self.format = format
        self.profile = profile
        self.areaCode = areaCode
        self.accountId = accountId
        self.actor = actor
        self.rowCount = rowCount
        self.created = created
        self.alreadyImported = alreadyImported
        self.changed = changed
        self.failed = failed
        self.problems = problems
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
