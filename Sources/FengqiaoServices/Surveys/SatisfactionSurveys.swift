import FengqiaoDomain
import FengqiaoStore
import Foundation

/// 群众安全感、满意度电话调查: every two months an assessor draws a call list of residents of a county or township
/// (stratified by township, reproducible from the seed kept with the round), the centre's operators call them
/// and record the answers, and the figures per township stand beside the rankings. Rounds are seen where their
/// area meets the viewer's jurisdiction, and only the townships inside it; anything else answers "not found".
public struct SatisfactionSurveys: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// At most this many rounds in the list.
    public static let listLimit = 100

    /// Draws a round's call list and stores it with the round in one transaction (audited `survey.create`).
    /// `seed` is chosen at random when nil.
    public func create(_ submission: SurveyRoundSubmission, seed: UInt64? = nil, caller: Caller) async throws -> SurveyRoundSummary {
        let staff = caller.staff
        try SurveyAccess.requireAssessor(staff)
        let now = platform.clock.now()
        let checked = try submission.validate(now: now)
        let atlas = try await platform.areaAtlas()
        guard let node = atlas.node(checked.areaCode), staff.jurisdiction.contains(checked.areaCode) else {
            throw DomainError.notFound(what: "调查区域")
        }
        let townships: [AssessedUnit]
        switch node.level {
        case .county: townships = atlas.children(of: node.code).filter { $0.level == .township }.map { AssessedUnit(.township, $0.code) }
        case .township: townships = [AssessedUnit(.township, node.code)]
        default:
            throw DomainError.validation([FieldError(field: "areaCode", code: "level", message: "调查区域应为区(县)或乡镇(街道)")])
        }
        guard let code = AreaCode(node.code) else { throw DomainError.notFound(what: "调查区域") }
        let prefix = Jurisdiction(root: code).prefix
        let seed = seed ?? UInt64.random(in: 1...UInt64.max)
        let cipher = platform.cipher
        let kind = platform.database.kind
        let period = checked.period
        let nowMs = now.millisecondsSince1970
        // Read and draw before the write: phones are opened outside the (SQLite: single) writer.
        let (subjectKind, rows) = try await platform.database.read { db in
            let surveys = SurveyRepository(db)
            return switch checked.source {
            case .closedCases:
                ("case", try await surveys.closedCases(prefix: prefix, from: period.start.millisecondsSince1970,
                                                       to: min(period.end, now).millisecondsSince1970))
            case .residents: ("person", try await surveys.residents(prefix: prefix))
            }
        }
        let candidates = rows.compactMap { row in
            AssessedUnit.township(of: row.areaCode).map {
                SurveyCandidate(township: $0, subjectKind: subjectKind, subjectId: row.id, sealedPhone: row.phoneCipher,
                                maskedPhone: row.phoneMasked)
            }
        }
        let drawn = try SurveySampler.draw(candidates, townships: townships, perTownship: checked.perTownship,
                                           seed: seed) { try cipher.open($0.sealedPhone) }
        // The round, its whole call list and the audit entry in one transaction.
        let record = try await platform.database.write { db -> SurveyRoundRecord in
            let surveys = SurveyRepository(db)
            if try await surveys.round(areaCode: node.code, year: Int64(period.year), period: Int64(period.number)) != nil {
                throw DomainError.conflict(code: "survey_round_exists", message: "该区域本期调查已经创建")
            }
            var round = SurveyRoundRecord(
                title: checked.title, areaCode: node.code, year: Int64(period.year), period: Int64(period.number),
                startsOn: period.firstDay, endsOn: period.lastDay, windowStart: period.start.millisecondsSince1970,
                windowEnd: period.end.millisecondsSince1970, source: checked.source.rawValue,
                perTownship: Int64(checked.perTownship), seed: String(seed), sampled: Int64(drawn.count),
                createdBy: staff.accountID, createdAt: nowMs)
            round.id = try await surveys.insert(round)
            let roundId = round.id ?? 0
            try await surveys.insert(drawn.map {
                SurveyItemRecord(roundId: roundId, townshipCode: $0.township.code, subjectKind: $0.subjectKind,
                                 subjectId: $0.subjectId, phoneCipher: $0.sealedPhone, phoneMasked: $0.maskedPhone)
            })
            try await AuditTrail.append(
                AuditEntry(caller, action: "survey.create", objectType: "survey_round", objectID: String(roundId),
                           summary: AuditEntry.summary([
                               "area": node.code, "period": period.label, "source": checked.source.rawValue,
                               "perTownship": checked.perTownship, "sampled": drawn.count, "seed": String(seed),
                           ])),
                at: nowMs, in: db, kind: kind)
            return round
        }
        return SurveyRoundSummary(record, areaName: node.name)
    }

    /// The rounds whose area meets the caller's jurisdiction, newest period first.
    public func rounds(caller: Caller) async throws -> [SurveyRoundSummary] {
        try SurveyAccess.requireViewer(caller.staff)
        let records = try await platform.database.read { try await SurveyRepository($0).rounds(limit: 1000) }
        let atlas = try await platform.areaAtlas()
        return records.filter { SurveyAccess.visiblePrefix($0, caller.staff) != nil }.prefix(Self.listLimit)
            .map { SurveyRoundSummary($0, areaName: atlas.node($0.areaCode)?.name ?? $0.areaCode) }
    }

    /// Round `id` with its figures and comments, as far as the caller sees it.
    public func round(id: Int64, caller: Caller) async throws -> SurveyRoundView {
        try SurveyAccess.requireViewer(caller.staff)
        let (record, prefix, items) = try await load(id, caller: caller)
        let atlas = try await platform.areaAtlas()
        let names = Dictionary(Set(items.map(\.townshipCode)).map { ($0, atlas.node($0)?.name ?? $0) }) { a, _ in a }
        let comments = items.filter { $0.status == SurveyItemStatus.answered.rawValue && !($0.comment ?? "").isEmpty }
            .sorted { ($0.calledAt ?? 0, $0.id ?? 0) > ($1.calledAt ?? 0, $1.id ?? 0) }
            .map { item in
                SurveyComment(township: names[item.townshipCode] ?? item.townshipCode,
                              safety: item.safety.flatMap(SafetyAnswer.init(rawValue:)),
                              satisfaction: item.satisfaction.flatMap(SatisfactionAnswer.init(rawValue:)),
                              text: item.comment ?? "", calledAt: item.calledAt ?? 0)
            }
        return SurveyRoundView(
            round: SurveyRoundSummary(record, areaName: atlas.node(record.areaCode)?.name ?? record.areaCode),
            figures: SurveyFigures(items.map(Self.response)), townshipNames: names, comments: comments,
            wholeArea: caller.staff.jurisdiction.contains(record.areaCode),
            mayCall: !caller.staff.isMachine && caller.staff.may(.acceptCases))
    }

    /// The round, the township prefix the caller sees and the numbers under it; "not found" outside.
    func load(_ id: Int64, caller: Caller) async throws -> (SurveyRoundRecord, String, [SurveyItemRecord]) {
        try await platform.database.read { db in
            let surveys = SurveyRepository(db)
            guard let record = try await surveys.round(id: id), let prefix = SurveyAccess.visiblePrefix(record, caller.staff)
            else { throw DomainError.notFound(what: "该调查") }
            return (record, prefix, try await surveys.items(roundId: id, prefix: prefix))
        }
    }

    static func response(_ item: SurveyItemRecord) -> SurveyResponse {
        SurveyResponse(township: AssessedUnit(.township, item.townshipCode),
                       status: SurveyItemStatus(rawValue: item.status) ?? .pending,
                       safety: item.safety.flatMap(SafetyAnswer.init(rawValue:)),
                       satisfaction: item.satisfaction.flatMap(SatisfactionAnswer.init(rawValue:)))
    }
}
