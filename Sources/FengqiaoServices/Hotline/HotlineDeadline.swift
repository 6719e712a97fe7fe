import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The hotline's 办结时限 as the handling deadline: a dispatch (or a reassignment) of an imported
/// work order's case that names no deadline gets the work order's, with the reason said, as long as it
/// still lies ahead; the dispatcher's own deadline always wins. The handling clock then runs to it.
enum HotlineDeadline {
    static let reason = "按12345工单办结时限"

    /// `request`, with the work order's deadline filled in where it applies.
    static func applied(
        to request: CaseCommandRequest, record: CaseRecord, caseId: Int64, now: Date, in db: any SQLDatabase
    ) async throws -> CaseCommandRequest {
        let dispatches = request.name == .dispatch || (request.name == .ruleOnReturn && request.body.ruling == "reassign")
        guard dispatches, request.body.deadline == nil, record.channel == Channel.hotline12345.rawValue,
              let deadline = try await HotlineRepository(db).workOrder(caseId: caseId)?.deadlineAt
                  .map(Date.init(millisecondsSince1970:)),
              deadline > now
        else { return request }
        var changed = request
        changed.body.deadline = deadline
        if (changed.body.overrideReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            changed.body.overrideReason = reason
        }
        return changed
    }
}
