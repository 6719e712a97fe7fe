import Foundation

/// What importing a batch of work orders came to: counts, each row's outcome, and every problem with
/// its row and column (a letter in a sheet, the key in JSON). Good rows are imported even when others
/// are bad; `applied` is false only when the whole file was refused (a required column missing).
public struct HotlineBatchReport: Sendable, Encodable, Equatable {
    /// One work order's outcome: `created`, `already_imported` (the same order was imported before) or
    /// `changed` (its number was imported with other content, which was not overwritten). The case
    /// number is left out when the case lies outside the importer's jurisdiction.
    public struct Item: Sendable, Encodable, Equatable {
        public let row: Int
        public let workOrderNumber: String
        public let outcome: String
        public let caseNumber: String?
    }

    public let batchId: Int64?
    public let filename: String
    public let format: String
    public let profile: String
    public let rows: Int
    public let created: Int
    public let alreadyImported: Int
    public let changed: Int
    public let failed: Int
    public let items: [Item]
    public let problems: [ImportReport.Problem]
    public let applied: Bool
}
