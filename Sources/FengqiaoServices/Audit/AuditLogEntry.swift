import FengqiaoDomain
import FengqiaoStore
import Foundation

/// One audit record as the auditor reads it: Beijing time, the role's and the action's Chinese names.
public struct AuditLogEntry: Sendable, Equatable {
    public var id: Int64
    /// `yyyy-MM-dd HH:mm:ss`, Beijing time.
    public var time: String
    public var actor: String
    /// The role's Chinese name, or the stored text (`system`, `public`).
    public var role: String
    public var ip: String
    public var action: String
    /// The action's Chinese name; empty when the catalogue does not know it.
    public var actionName: String
    public var objectType: String
    public var objectID: String
    public var summary: String

    init(_ record: AuditRecord) {
        id = record.id
        time = Self.time(record.at)
        actor = record.actor
        role = Role(rawValue: record.role)?.chineseName ?? record.role
        ip = record.ip
        action = record.action
        actionName = AuditActionCatalog.name(of: record.action) ?? ""
        objectType = record.objectType
        objectID = record.objectId
        summary = record.summary
    }

    /// `yyyy-MM-dd HH:mm:ss`, Beijing time, of `at` (milliseconds since 1970).
    public static func time(_ at: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(at) / 1000)
        let c = ChinaTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
                      c.minute ?? 0, c.second ?? 0)
    }

    /// The columns of the export, in `AuditLogBrowser.exportHeader` order.
    var cells: [String] {
        [String(id), time, actor, role, ip, action, actionName, objectType, objectID, summary]
    }
}
