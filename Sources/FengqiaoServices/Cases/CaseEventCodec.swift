import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The one translation between `CaseEvent` and `case_events` rows: `payload` holds the whole event as
/// JSON (dates in milliseconds, keys sorted), `type` its stable code, `actor` a readable principal.
/// Rows that do not decode (histories written before the engine, or imported from older systems) make the
/// case read-only.
public enum CaseEventCodec {
    static let legacyHistory = DomainError.conflict(
        code: "legacy_history", message: "该案件为导入的历史数据,不能在线办理")

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }

    /// The row of `event` on case `caseId`, moving the case from `from` to `to`.
    public static func record(_ event: CaseEvent, caseId: Int64, from: CaseState?, to: CaseState, channel: Channel? = nil)
        throws -> CaseEventRecord
    {
        let payload = String(decoding: try encoder.encode(event), as: UTF8.self)
        return CaseEventRecord(
            caseId: caseId, type: event.type, fromState: from?.rawValue, toState: to.rawValue,
            actor: actorText(event.actor, channel: channel), payload: payload, at: event.at.millisecondsSince1970)
    }

    /// The rows of `events` applied to `snapshot` (nil before the first event), with their state moves.
    public static func records(_ events: [CaseEvent], after snapshot: CaseSnapshot?, caseId: Int64, channel: Channel? = nil)
        throws -> [CaseEventRecord]
    {
        var current = snapshot
        var rows: [CaseEventRecord] = []
        for event in events {
            let next = current.map { $0.applying([event]) } ?? CaseSnapshot(reported: event)
            guard let next else { throw legacyHistory }
            rows.append(try record(event, caseId: caseId, from: current?.state, to: next.state, channel: channel))
            current = next
        }
        return rows
    }

    /// The event stored in `record`, or nil for a row in a legacy format.
    public static func event(_ record: CaseEventRecord) -> CaseEvent? {
        guard let event = try? decoder.decode(CaseEvent.self, from: Data(record.payload.utf8)), event.type == record.type
        else { return nil }
        return event
    }

    /// Every event of a history, or `legacy_history` when one does not decode.
    public static func events(_ records: [CaseEventRecord]) throws(DomainError) -> [CaseEvent] {
        var events: [CaseEvent] = []
        events.reserveCapacity(records.count)
        for record in records {
            guard let event = event(record) else { throw legacyHistory }
            events.append(event)
        }
        return events
    }

    /// `account:42:wang`, `channel:qrCode` (a public report), `requester`, `system:revisit-window`.
    public static func actorText(_ actor: CaseEventActor, channel: Channel? = nil) -> String {
        switch actor.kind {
        case .staff: "account:\(actor.accountID ?? 0):\(actor.name ?? "")"
        case .requester: channel.map { "channel:\($0.rawValue)" } ?? "requester"
        case .system: "system:\(actor.name ?? "")"
        }
    }
}
