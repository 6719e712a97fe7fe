/// The first thing wrong with the audit log: which record and how.
public struct AuditFault: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The record's stored hash is not the hash of its fields: it was changed in place.
        case edited
        /// The record is missing (an id gap), or the record before it is not the one it chained to.
        case removed
        /// The record is not the one that followed its predecessor; that one is stored further on.
        case reordered
        /// A signed checkpoint names a record beyond the end of the table, or a hash the table's record
        /// at that id does not have: the log was cut short or rewritten.
        case truncated
        /// A line of the checkpoint file is not a checkpoint or its signature does not verify.
        case badCheckpoint = "bad_checkpoint"
    }

    public var kind: Kind
    /// The record at fault; nil only for a checkpoint line that names none.
    public var recordID: Int64?
    /// The line of the checkpoint file involved, if any.
    public var checkpointLine: Int?
    /// Extra Chinese detail (e.g. the checkpoint that disagrees), may be empty.
    public var detail: String

    public init(_ kind: Kind, recordID: Int64?, checkpointLine: Int? = nil, detail: String = "") {
        self.kind = kind
        self.recordID = recordID
        self.checkpointLine = checkpointLine
        self.detail = detail
    }

    /// One line in Chinese and English, e.g. `第 1234 条记录被修改 (record 1234 was edited)`.
    public var description: String {
        let head: String
        switch (kind, recordID) {
        case (.edited, let id?): head = "第 \(id) 条记录被修改 (record \(id) was edited)"
        case (.removed, let id?): head = "第 \(id) 条记录被删除 (record \(id) was removed)"
        case (.reordered, let id?): head = "第 \(id) 条记录的顺序被调换 (record \(id) was reordered)"
        case (.truncated, let id?): head = "第 \(id) 条记录被截断或改写 (record \(id) was truncated)"
        case (.badCheckpoint, let id?):
            head = "第 \(id) 条记录的签名检查点无效 (the checkpoint for record \(id) is not validly signed)"
        case (_, nil):
            head = "检查点文件第 \(checkpointLine ?? 0) 行无法读取 (checkpoint line \(checkpointLine ?? 0) is unreadable)"
        }
        return detail.isEmpty ? head : "\(head):\(detail)"
    }

    /// Orders faults by the record they name; a checkpoint line naming none comes first.
    static func earliest(_ faults: [AuditFault]) -> AuditFault? {
        faults.min { ($0.recordID ?? 0, $0.checkpointLine ?? 0) < ($1.recordID ?? 0, $1.checkpointLine ?? 0) }
    }
}
