import FengqiaoDomain
import FengqiaoStore
import Foundation

extension SatisfactionSurveys {
    /// At most this many numbers listed on a call list page.
    public static let callListLimit = 300

    /// The caller's call list of round `id`: the next number to call (fewest attempts first) and the numbers of
    /// their part of the area, masked.
    public func calls(roundId id: Int64, caller: Caller) async throws -> SurveyCallList {
        try SurveyAccess.requireOperator(caller.staff)
        let (record, prefix, items) = try await load(id, caller: caller)
        let next = try await platform.database.read { try await SurveyRepository($0).nextPending(roundId: id, prefix: prefix) }
        let atlas = try await platform.areaAtlas()
        func item(_ record: SurveyItemRecord) -> SurveyCallItem {
            SurveyCallItem(id: record.id ?? 0, township: atlas.node(record.townshipCode)?.name ?? record.townshipCode,
                           subject: record.subjectKind == "case" ? "办结案件" : "居民", maskedPhone: record.phoneMasked,
                           status: SurveyItemStatus(rawValue: record.status) ?? .pending, attempts: Int(record.attempts))
        }
        return SurveyCallList(
            round: SurveyRoundSummary(record, areaName: atlas.node(record.areaCode)?.name ?? record.areaCode),
            next: next.map(item), items: items.prefix(Self.callListLimit).map(item),
            progress: SurveyFigures(items.map(Self.response)).total)
    }

    /// The full number of item `itemId` for the operator about to dial it; recorded in the audit log
    /// (`survey.reveal`) in the same transaction. Only numbers still to call are revealed.
    public func reveal(roundId: Int64, itemId: Int64, caller: Caller) async throws -> String {
        let staff = caller.staff
        try SurveyAccess.requireOperator(staff)
        let cipher = platform.cipher
        let kind = platform.database.kind
        let nowMs = platform.clock.now().millisecondsSince1970
        return try await platform.database.write { db in
            let item = try await Self.visibleItem(roundId: roundId, itemId: itemId, staff: staff, in: SurveyRepository(db))
            guard item.status == SurveyItemStatus.pending.rawValue else {
                throw DomainError.conflict(code: "survey_item_closed", message: "该号码已有调查结果,无需再拨打")
            }
            let phone = try cipher.open(item.phoneCipher)
            try await AuditTrail.append(
                AuditEntry(caller, action: "survey.reveal", objectType: "survey_item", objectID: String(itemId),
                           summary: AuditEntry.summary(["round": String(roundId), "fields": ["phone"]])),
                at: nowMs, in: db, kind: kind)
            return phone
        }
    }

    /// Records one call of item `itemId` (audited `survey.call`): not reached (the third makes it unreachable),
    /// refused, or answered; a number already closed answers 409.
    public func record(_ outcome: SurveyCallOutcome, roundId: Int64, itemId: Int64, caller: Caller) async throws {
        let staff = caller.staff
        try SurveyAccess.requireOperator(staff)
        let kind = platform.database.kind
        let nowMs = platform.clock.now().millisecondsSince1970
        try await platform.database.write { db in
            let surveys = SurveyRepository(db)
            let item = try await Self.visibleItem(roundId: roundId, itemId: itemId, staff: staff, in: surveys)
            let closed = DomainError.conflict(code: "survey_item_closed", message: "该号码已有调查结果,不能重复记录")
            guard item.status == SurveyItemStatus.pending.rawValue else { throw closed }
            let (status, attempts) = outcome.after(attempts: Int(item.attempts))
            var answers: (safety: String?, satisfaction: String?, comment: String?) = (nil, nil, nil)
            if case .answered(let safety, let satisfaction, let comment) = outcome {
                answers = (safety.rawValue, satisfaction.rawValue, comment)
            }
            let recorded = try await surveys.recordCall(
                id: itemId, expectedAttempts: item.attempts, status: status.rawValue, attempts: Int64(attempts),
                safety: answers.safety, satisfaction: answers.satisfaction, comment: answers.comment, by: staff.accountID,
                at: nowMs)
            guard recorded else { throw closed }
            var summary: [String: any Sendable] = ["round": String(roundId), "status": status.rawValue, "attempts": attempts]
            if let safety = answers.safety, let satisfaction = answers.satisfaction {
                summary["safety"] = safety
                summary["satisfaction"] = satisfaction
            }
            try await AuditTrail.append(
                AuditEntry(caller, action: "survey.call", objectType: "survey_item", objectID: String(itemId),
                           summary: AuditEntry.summary(summary)),
                at: nowMs, in: db, kind: kind)
        }
    }

    /// Item `itemId` of round `roundId` if the staff member sees both; else "not found".
    static func visibleItem(roundId: Int64, itemId: Int64, staff: Staff, in surveys: SurveyRepository)
        async throws -> SurveyItemRecord
    {
        guard let round = try await surveys.round(id: roundId), let prefix = SurveyAccess.visiblePrefix(round, staff),
              let item = try await surveys.item(id: itemId, roundId: roundId), item.townshipCode.hasPrefix(prefix)
        else { throw DomainError.notFound(what: "该调查号码") }
        return item
    }
}
