import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Files what the rules found as warnings, inside the caller's write transaction: one warning per situation
/// (`RiskWarningDecision`), its cases linked, every change in its history.
enum RiskWarningLedger {
    static let actor = "风险研判规则"

    /// Raises or updates the warning of `finding`'s subject; returns what it did.
    @discardableResult
    static func record(_ finding: RiskFinding, at now: Int64, in db: any SQLDatabase) async throws -> RiskWarningDecision {
        let repository = RiskRepository(db)
        let measures = String(decoding: try JSONEncoder().encode(finding.measures), as: UTF8.self)
        if var open = try await repository.openWarning(subject: finding.subject), let id = open.id {
            let linked = try await repository.linkedCaseIds(warningId: id, among: finding.caseIds)
            let level = RiskLevel(rawValue: open.level) ?? .blue
            let decision = RiskWarningDecision.decide(finding, open: (level, linked), closedCaseIds: [])
            guard case .update(let added, let raisedTo) = decision else { return decision }
            try await repository.addCases(warningId: id, caseIds: added, at: now)
            open.caseCount += added.count
            open.summary = finding.summary
            open.measures = measures
            open.updatedAt = now
            if let raisedTo { open.level = raisedTo.rawValue }
            try await repository.update(open)
            if !added.isEmpty {
                try await repository.append(RiskWarningEventRecord(
                    warningId: id, kind: "casesAdded", level: open.level, actorName: actor, note: "新增关联案件 \(added.count) 件", at: now))
            }
            if let raisedTo {
                try await repository.append(RiskWarningEventRecord(
                    warningId: id, kind: "levelRaised", level: raisedTo.rawValue, actorName: actor,
                    note: "预警等级升为\(raisedTo.chineseName)", at: now))
            }
            return decision
        }
        let decision = RiskWarningDecision.decide(
            finding, open: nil, closedCaseIds: try await repository.closedCaseIds(subject: finding.subject, among: finding.caseIds))
        guard decision == .raise else { return decision }
        let stored = try await repository.insert(
            RiskWarningRecord(
                number: "", rule: finding.rule.rawValue, level: finding.level.rawValue, subject: finding.subject,
                areaCode: finding.filingArea, summary: finding.summary, measures: measures,
                state: RiskWarningState.new.rawValue, caseCount: finding.caseIds.count, raisedAt: now, updatedAt: now),
            numberPrefix: "YJ" + ChinaTime.dayString(Date(millisecondsSince1970: now)).prefix(4))
        guard let id = stored.id else { return decision }
        try await repository.addCases(warningId: id, caseIds: finding.caseIds, at: now)
        try await repository.append(RiskWarningEventRecord(
            warningId: id, kind: "raised", level: finding.level.rawValue, actorName: actor, note: finding.explanation, at: now))
        return decision
    }
}
