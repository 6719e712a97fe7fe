import FengqiaoDomain
import FengqiaoStore
import Foundation

extension PetitionReception {
    /// Asks to extend the handling limit of accepted petition `id` (延期) by at most 30 working days, with a
    /// reason, before the limit runs out. One extension per petition: none while one awaits approval or once
    /// one was approved (a refused one may be asked again).
    public func requestExtension(id: Int64, _ submission: PetitionExtensionSubmission, caller: Caller) async throws
        -> PetitionView
    {
        let staff = try Self.requireOfficer(caller)
        let setting = try await engineSetting()
        try await platform.database.write { db in
            var record = try await Self.load(id, staff: staff, in: db)
            try Self.require(record, in: [.accepted], toDo: "申请延期")
            switch record.extensionState {
            case "pending":
                throw DomainError.conflict(code: "extension_pending", message: "已有延期申请待审批")
            case "approved":
                throw DomainError.conflict(code: "extension_used", message: "办理期限只能延长一次,本件已延期")
            default:
                break
            }
            let (days, reason) = try submission.validate()
            let handling = Self.timeline(record).clocks(at: setting.now, calendar: setting.calendar)
                .first { $0.kind == .handling }
            if handling?.status == .overdue {
                throw DomainError.conflict(code: "handling_overdue", message: "办理期限已届满,不能再申请延期")
            }
            record.extensionState = "pending"
            record.extensionDays = days
            record.extensionReason = reason
            record.extensionRequestedAt = setting.now.millisecondsSince1970
            record.extensionRequestedById = staff.accountID
            record.extensionRequestedByName = staff.displayName
            record.extensionRequesterArea = staff.jurisdiction.root.rawValue
            record.extensionDecidedAt = nil
            record.extensionDecidedByName = nil
            record.extensionDenialReason = nil
            record = try await Self.save(record, now: setting.now, in: db)
            try await Self.audit(caller, action: "petition.extension_request", record, ["days": days],
                                 now: setting.now, kind: setting.kind, in: db)
        }
        return try await petition(id: id, caller: caller)
    }

    /// Approves (the handling limit grows by the days asked) or refuses the pending extension of petition
    /// `id`. Decided by someone else, at the requester's tier or above (`PetitionExtensionApproval`).
    public func decideExtension(id: Int64, approve: Bool, reason: String?, caller: Caller) async throws -> PetitionView {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.superviseCases) || staff.may(.receivePetitions) else {
            throw DomainError.forbidden(permission: .superviseCases)
        }
        let setting = try await engineSetting()
        try await platform.database.write { db in
            var record = try await Self.load(id, staff: staff, in: db)
            try Self.require(record, in: [.accepted], toDo: "审批延期")
            guard record.extensionState == "pending", let requester = record.extensionRequestedById,
                  let area = record.extensionRequesterArea.flatMap(AreaCode.init)
            else { throw DomainError.conflict(code: "no_extension_request", message: "没有待审批的延期申请") }
            try PetitionExtensionApproval.check(approver: staff, requesterID: requester, requesterArea: area)
            var details: [String: any Sendable] = ["approved": approve, "days": record.extensionDays ?? 0]
            if approve {
                record.extensionState = "approved"
            } else {
                guard let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                    throw DomainError.validation([.required("reason", label: "不予延期的理由")])
                }
                guard text.count <= PetitionExtensionSubmission.reasonLimit else {
                    throw DomainError.validation([
                        .tooLong("reason", label: "不予延期的理由", max: PetitionExtensionSubmission.reasonLimit)
                    ])
                }
                record.extensionState = "denied"
                record.extensionDenialReason = text
                details["reason"] = text
            }
            record.extensionDecidedAt = setting.now.millisecondsSince1970
            record.extensionDecidedByName = staff.displayName
            record = try await Self.save(record, now: setting.now, in: db)
            if approve {
                try await Self.audit(caller, action: "petition.extension_approve", record, details, now: setting.now,
                                     kind: setting.kind, in: db)
            } else {
                try await Self.audit(caller, action: "petition.extension_deny", record, details, now: setting.now,
                                     kind: setting.kind, in: db)
            }
        }
        return try await petition(id: id, caller: caller)
    }
}
