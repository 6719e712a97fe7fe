import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension MediationOutcomes {
    /// Uploads the signed copy of mediation `number`'s agreement (a scan or photo, judged by its bytes as
    /// case attachments are: JPEG, PNG, WebP or PDF) with the day it was signed; the file becomes an
    /// attachment of the linked case and the agreement takes effect that day (the judicial-confirmation
    /// window runs from it). One signed copy per agreement. A refused file is never kept; a kept file
    /// whose rows cannot be written is removed again.
    @discardableResult
    public func uploadSignedCopy(number: String, file data: Data, filename: String?, signedOn: String?, caller: Caller)
        async throws -> MediationOutcomeView
    {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .mediate) }
        try staff.require(.mediate)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let nowMs = now.millisecondsSince1970
        let today = CivilDate(containing: now)
        // The mediation and its agreement first: outside the caller's sight it is "not found" whatever the file.
        let agreement = try await platform.database.read { db in
            let record = try await MediationCases.visible(number, staff: staff, in: db)
            let agreement = try await Self.agreement(of: record, in: db)
            try AgreementSigning.requireUnsigned(signedOn: agreement.signedOn.flatMap(CivilDate.init))
            return agreement
        }
        var errors: [FieldError] = []
        var day: CivilDate?
        do {
            day = try AgreementSigning.signedOn(signedOn, concludedOn: CivilDate(agreement.concludedOn) ?? today, today: today)
        } catch {
            guard case .validation(let found) = error else { throw error }
            errors += found
        }
        do { _ = try CaseAttachments.rule.check(data) } catch {
            guard case .validation(let found) = error else { throw error }
            errors += found
        }
        guard errors.isEmpty, let day else { throw DomainError.validation(errors) }
        let stored = try platform.uploads.store(data, rule: CaseAttachments.rule)
        guard let type = stored.fileType else {
            platform.uploads.remove(stored.name)
            throw DomainError.validation([FieldError(field: "file", code: "unsupported_type", message: "文件类型无法识别")])
        }
        let policy = try await platform.casePolicy()
        let calendar = try await platform.businessCalendar()
        let kind = platform.database.kind
        do {
            return try await platform.database.write { db in
                let record = try await MediationCases.visible(number, staff: staff, in: db)
                let before = try await Self.agreement(of: record, in: db)
                try AgreementSigning.requireUnsigned(signedOn: before.signedOn.flatMap(CivilDate.init))
                let attachment = try await CaseAttachments.attach(
                    stored, type: type, filename: filename, caseId: record.caseId, caseNumber: record.caseNumber,
                    caller: caller, at: nowMs, kind: kind, in: db)
                var after = before
                after.signedOn = day.description
                after.signedAttachmentId = attachment.id
                _ = try await Self.save(after, over: before, now: nowMs, in: db)
                let lastDay = JudicialConfirmationWindow.lastDay(effectiveOn: day, calendar: calendar)
                try await AuditTrail.append(
                    AuditEntry(caller, action: "mediation_agreement.sign", objectType: "mediation_case", objectID: number,
                               summary: AuditEntry.summary([
                                   "signedOn": day.description, "attachment": attachment.id ?? 0, "case": record.caseNumber,
                                   "type": type.rawValue, "sha256": stored.sha256, "windowLastDay": lastDay.description,
                               ])),
                    at: nowMs, in: db, kind: kind)
                return try await Self.view(record, today: today, calendar: calendar, policy: policy, in: db)
            }
        } catch {
            platform.uploads.remove(stored.name)
            throw error
        }
    }

    /// Records the follow-up of the agreement's performance (履行回访): performed, partly performed or
    /// defaulted, with a note; a later follow-up replaces an earlier one.
    @discardableResult
    public func recordPerformance(number: String, _ submission: AgreementPerformanceSubmission, caller: Caller)
        async throws -> MediationOutcomeView
    {
        try await followUp(number: number, caller: caller) { before, today, _ in
            let update = try submission.validate(concludedOn: CivilDate(before.concludedOn) ?? today, today: today)
            var after = before
            after.performanceState = update.state.rawValue
            after.performanceNote = update.note
            after.performanceRecordedOn = update.day.description
            return (after, "mediation_agreement.performance",
                    ["before": before.performanceState, "state": update.state.rawValue, "day": update.day.description,
                     "note": update.note ?? ""])
        }
    }

    /// One follow-up write on the agreement of mediation `number` for `mediate`: `change` validates and
    /// returns the new row, the audit action and its summary; written with its audit entry in one transaction.
    func followUp(
        number: String, caller: Caller,
        change: @escaping @Sendable (MediationAgreementRecord, CivilDate, BusinessCalendar) throws
            -> (MediationAgreementRecord, String, [String: any Sendable])
    ) async throws -> MediationOutcomeView {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .mediate) }
        try staff.require(.mediate)
        let nowMs = platform.clock.now().millisecondsSince1970
        let today = CivilDate(containing: Date(millisecondsSince1970: nowMs))
        let policy = try await platform.casePolicy()
        let calendar = try await platform.businessCalendar()
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let record = try await MediationCases.visible(number, staff: staff, in: db)
            let before = try await Self.agreement(of: record, in: db)
            let (after, action, summary) = try change(before, today, calendar)
            _ = try await Self.save(after, over: before, now: nowMs, in: db)
            try await AuditTrail.append(
                AuditEntry(caller, action: action, objectType: "mediation_case", objectID: number,
                           summary: AuditEntry.summary(summary)),
                at: nowMs, in: db, kind: kind)
            return try await Self.view(record, today: today, calendar: calendar, policy: policy, in: db)
        }
    }
}
