import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// 亮点工作加分: staff who see scores (`viewAssessment`) ask points for their own unit for a month, with what was done
/// and the evidence; the requester may withdraw while it waits. An assessor (`assess`) whose jurisdiction holds the
/// unit approves (possibly fewer points) or refuses with a reason, once; approvals of a unit in a month stay within
/// the template's cap. Each step is audited (`assessment_award.*`) in its transaction; an approval recomputes the
/// month's scores after it commits. A request of a unit outside the jurisdiction is "not found".
public struct HighlightAwards: Sendable {
    let platform: Platform
    let recompute: AssessmentRecompute

    public init(platform: Platform, recompute: @escaping AssessmentRecompute) {
        self.platform = platform
        self.recompute = recompute
    }

    /// The units `caller` may ask points for (empty: none).
    public func ownUnits(caller: Caller) async throws -> [AssessedUnitProfile] {
        try caller.staff.require(.viewAssessment)
        let atlas = try await platform.areaAtlas()
        let staff = caller.staff
        return try await platform.database.read { db in try await AssessmentUnits.own(staff, atlas: atlas, in: db) }
    }

    /// The requests of the units `caller` sees, newest first, optionally in one state.
    public func list(state: AssessmentRequestState?, caller: Caller) async throws -> [HighlightAward] {
        try caller.staff.require(.viewAssessment)
        let scope = AssessmentUnits.scope(caller.staff, state: state?.rawValue)
        return try await platform.database.read { db in try await AssessmentAdjustmentRepository(db).awards(scope) }
            .compactMap(Self.award)
    }

    public func view(id: Int64, caller: Caller) async throws -> HighlightAward {
        try caller.staff.require(.viewAssessment)
        let (record, files) = try await platform.database.read { db in
            let repository = AssessmentAdjustmentRepository(db)
            return (try await repository.award(id: id), try await repository.awardFiles(awardId: id))
        }
        guard let record, var award = Self.award(record), Self.sees(award, caller.staff) else {
            throw DomainError.notFound(what: "该加分申请")
        }
        award.files = files.compactMap { file in
            guard let id = file.id, let type = FileType(rawValue: file.fileType) else { return nil }
            return AwardEvidenceFile(id: id, filename: file.filename, type: type, size: Int(file.size))
        }
        return award
    }

    /// Evidence file `fileID` of request `id` (audited: `assessment_award.evidence_download`).
    public func evidence(id: Int64, fileID: Int64, caller: Caller) async throws -> AwardEvidenceDownload {
        try caller.staff.require(.viewAssessment)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let staff = caller.staff
        let uploads = platform.uploads
        return try await platform.database.write { db in
            let repository = AssessmentAdjustmentRepository(db)
            guard let record = try await repository.award(id: id), let award = Self.award(record), Self.sees(award, staff),
                  let file = try await repository.awardFiles(awardId: id).first(where: { $0.id == fileID }),
                  let type = FileType(rawValue: file.fileType)
            else { throw DomainError.notFound(what: "该佐证材料") }
            let data = try uploads.read(file.storedName)
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment_award.evidence_download", objectType: "assessment_award",
                           objectID: String(id), summary: AuditEntry.summary(["file": file.filename])),
                at: now, in: db, kind: kind)
            return AwardEvidenceDownload(filename: file.filename, type: type, data: data)
        }
    }

    /// What the award's unit has had approved in the award's month so far, and the month's cap.
    public func capStatus(of award: HighlightAward) async throws -> (approved: Double, cap: Double) {
        try await platform.database.read { db in
            let approved = try await AssessmentAdjustmentRepository(db).approvedAwardPoints(
                unitKind: award.unit.unit.kind.rawValue, unitCode: award.unit.unit.code, periodKey: award.period.key)
            return (approved, try await HighlightAwardCap.cap(award.unit.unit.kind, periodKey: award.period.key, in: db))
        }
    }

    /// Files a request with its evidence `files` (photos, scans, PDFs; empty parts are ignored); returns its id.
    public func request(_ submission: AwardSubmission, files: [AwardEvidenceUpload] = [], caller: Caller) async throws
        -> Int64
    {
        try caller.staff.require(.viewAssessment)
        let atlas = try await platform.areaAtlas()
        let now = platform.clock.now()
        let staff = caller.staff
        let kind = platform.database.kind
        let sent = files.filter { !$0.data.isEmpty }
        guard sent.count <= AwardEvidenceUpload.maximumCount else {
            throw DomainError.validation([FieldError(field: "files", code: "too_many",
                                                     message: "佐证材料最多上传\(AwardEvidenceUpload.maximumCount)个文件")])
        }
        for file in sent { _ = try AwardEvidenceUpload.rule.check(file.data) }
        var stored: [(StoredUpload, String?)] = []
        do {
            for file in sent { stored.append((try platform.uploads.store(file.data, rule: AwardEvidenceUpload.rule), file.filename)) }
        } catch {
            for (upload, _) in stored { platform.uploads.remove(upload.name) }
            throw error
        }
        let kept = stored
        do {
            return try await write(submission, files: kept, staff: staff, caller: caller, atlas: atlas, now: now, kind: kind)
        } catch {
            for (upload, _) in kept { platform.uploads.remove(upload.name) }
            throw error
        }
    }

    private func write(_ submission: AwardSubmission, files: [(StoredUpload, String?)], staff: Staff, caller: Caller,
                       atlas: AreaAtlas, now: Date, kind: DatabaseKind) async throws -> Int64
    {
        try await platform.database.write { db in
            let profile = try await AssessmentUnits.chooseOwn(submission.unit, staff: staff, atlas: atlas, in: db)
            let cap = try await HighlightAwardCap.cap(profile.unit.kind, periodKey: submission.period ?? "", in: db)
            let valid = try submission.validate(cap: cap, now: now)
            let at = now.millisecondsSince1970
            let record = AssessmentAwardRecord(
                unitKind: profile.unit.kind.rawValue, unitCode: profile.unit.code, unitName: profile.name,
                areaCode: profile.areaCode, periodKey: valid.period.key, requestedPoints: valid.points, title: valid.title,
                description: valid.description, evidence: valid.evidence, state: AssessmentRequestState.pending.rawValue,
                requestedBy: staff.accountID, requestedByName: staff.displayName, requestedAt: at)
            let repository = AssessmentAdjustmentRepository(db)
            let id = try await repository.insertAward(record)
            var names: [String] = []
            for (upload, filename) in files {
                guard let type = upload.fileType else { continue }
                let name = AttachmentName.named(filename, type: type)
                names.append(name)
                _ = try await repository.insertAwardFile(AssessmentAwardFileRecord(
                    awardId: id, storedName: upload.name, filename: name, fileType: type.rawValue, size: Int64(upload.size),
                    sha256: upload.sha256, uploadedAt: at))
            }
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment_award.request", objectType: "assessment_award", objectID: String(id),
                           summary: AuditEntry.summary(["unit": profile.unit.formValue, "period": valid.period.key,
                                                        "points": valid.points, "title": valid.title, "files": names])),
                at: at, in: db, kind: kind)
            return id
        }
    }

    /// The requester takes back a request that still waits.
    public func withdraw(id: Int64, caller: Caller) async throws {
        try caller.staff.require(.viewAssessment)
        try await decide(id: id, action: "assessment_award.withdraw", caller: caller) { award in
            guard award.requestedBy == caller.staff.accountID, !caller.staff.isMachine else {
                throw DomainError.conflict(code: "not_requester", message: "只有申请人可以撤回加分申请")
            }
            return (.withdrawn, nil, nil)
        }
    }

    /// Approves a waiting request with `points` (empty: the points asked; never more), within the month's cap.
    public func approve(id: Int64, points: String?, note: String?, caller: Caller) async throws {
        try caller.staff.require(.assess)
        let award = try await decide(id: id, action: "assessment_award.approve", caller: caller) { award in
            try Self.requireOther(award, caller)
            var errors: [FieldError] = []
            let typed = points?.trimmingCharacters(in: .whitespaces).isEmpty ?? true ? nil : points
            let granted = typed.map { ManualPointRules.points($0, max: award.requestedPoints, errors: &errors) }
                ?? award.requestedPoints
            guard errors.isEmpty, let granted else { throw DomainError.validation(errors) }
            return (.approved, granted, note.flatMap(Self.trimmed))
        } check: { award, granted, db in
            let repository = AssessmentAdjustmentRepository(db)
            try await repository.lockAwards(unitKind: award.unit.unit.kind.rawValue, unitCode: award.unit.unit.code,
                                            periodKey: award.period.key)
            let approved = try await repository.approvedAwardPoints(
                unitKind: award.unit.unit.kind.rawValue, unitCode: award.unit.unit.code, periodKey: award.period.key)
            let cap = try await HighlightAwardCap.cap(award.unit.unit.kind, periodKey: award.period.key, in: db)
            try ManualPointRules.checkCap(adding: granted ?? 0, approved: approved, cap: cap, periodLabel: award.period.label)
        }
        await AssessmentRecomputing.run(recompute, periodKey: award.period.key, unitKind: award.unit.unit.kind,
                                        logger: platform.logger)
    }

    /// Refuses a waiting request; the reason is required.
    public func refuse(id: Int64, reason: String?, caller: Caller) async throws {
        try caller.staff.require(.assess)
        try await decide(id: id, action: "assessment_award.refuse", caller: caller) { award in
            try Self.requireOther(award, caller)
            var errors: [FieldError] = []
            guard let reason = ManualPointRules.text(reason, field: "reason", label: "不予批准的理由",
                                                     max: ManualPointRules.maxTextLength, errors: &errors)
            else { throw DomainError.validation(errors) }
            return (.refused, nil, reason)
        }
    }

    /// Loads the request (404 outside), lets `outcome` decide, checks, writes and audits in one transaction.
    @discardableResult
    private func decide(
        id: Int64, action: String, caller: Caller,
        _ outcome: @escaping @Sendable (HighlightAward) throws -> (AssessmentRequestState, Double?, String?),
        check: @escaping @Sendable (HighlightAward, Double?, any SQLDatabase) async throws -> Void = { _, _, _ in }
    ) async throws -> HighlightAward {
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let staff = caller.staff
        return try await platform.database.write { db in
            let repository = AssessmentAdjustmentRepository(db)
            guard let record = try await repository.award(id: id), let award = Self.award(record), Self.sees(award, staff) else {
                throw DomainError.notFound(what: "该加分申请")
            }
            guard award.state == .pending else {
                throw DomainError.conflict(code: "already_decided", message: "该加分申请\(award.state.chineseName),不能再次处理")
            }
            let (state, points, note) = try outcome(award)
            try await check(award, points, db)
            guard try await repository.decideAward(id: id, state: state.rawValue, approvedPoints: points,
                                                   by: state == .withdrawn ? nil : staff.displayName, at: now, note: note)
            else { throw DomainError.conflict(code: "already_decided", message: "该加分申请已被处理,不能再次处理") }
            var summary: [String: any Sendable] = ["unit": award.unit.unit.formValue, "period": award.period.key,
                                                   "requested": award.requestedPoints]
            if let points { summary["points"] = points }
            if let note { summary["note"] = note }
            try await AuditTrail.append(
                AuditEntry(caller, action: action, objectType: "assessment_award", objectID: String(id),
                           summary: AuditEntry.summary(summary)),
                at: now, in: db, kind: kind)
            return award
        }
    }

    /// An assessor does not decide a request they made themselves.
    static func requireOther(_ award: HighlightAward, _ caller: Caller) throws(DomainError) {
        guard award.requestedBy != caller.staff.accountID else {
            throw .conflict(code: "own_request", message: "不能审核本人提出的加分申请")
        }
    }

    static func trimmed(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : String(value.prefix(ManualPointRules.maxTextLength))
    }

    static func sees(_ award: HighlightAward, _ staff: Staff) -> Bool {
        AssessmentUnits.sees(award.unit.unit, areaCode: award.unit.areaCode, staff: staff)
    }

    static func award(_ record: AssessmentAwardRecord) -> HighlightAward? {
        guard let id = record.id, let kind = AssessedUnitKind(rawValue: record.unitKind),
              let period = AssessmentPeriod(key: record.periodKey), let state = AssessmentRequestState(rawValue: record.state)
        else { return nil }
        return HighlightAward(
            id: id, unit: AssessedUnitProfile(unit: AssessedUnit(kind, record.unitCode), name: record.unitName,
                                              areaCode: record.areaCode),
            period: period, requestedPoints: record.requestedPoints, approvedPoints: record.approvedPoints,
            title: record.title, description: record.description, evidence: record.evidence, state: state,
            requestedBy: record.requestedBy, requestedByName: record.requestedByName,
            requestedAt: Date(millisecondsSince1970: record.requestedAt), decidedByName: record.decidedByName,
            decidedAt: record.decidedAt.map(Date.init(millisecondsSince1970:)), decisionNote: record.decisionNote)
    }
}
