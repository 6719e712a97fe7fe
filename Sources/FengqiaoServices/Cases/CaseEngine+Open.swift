import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension CaseEngine {
    /// Registers a case for staff (受理登记) in one transaction: the row, its `reported` event, parties,
    /// counter and audit entry. Placed like a public report; it must lie in the caller's jurisdiction.
    /// With `reportedAt` (when the call or visit came in, e.g. an imported hotline record) the case is
    /// reported then, so its acceptance clock runs from that moment.
    public func open(_ opening: CaseOpening, idempotencyKey: String? = nil, caller: Caller) async throws -> CaseView {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.acceptCases) || staff.may(.handleCases) else {
            throw DomainError.forbidden(permission: .acceptCases)
        }
        return try await open(opening, idempotencyKey: idempotencyKey, caller: caller, suggestsDuplicates: true, alongside: nil)
    }

    /// Registers a case for a caller already authorised by the service calling this (a hotline import
    /// may be a machine: its `reported` event is then the system's, named after the token).
    /// `alongside` runs in the same transaction once the case row exists (a hotline import links its
    /// work order there); when it throws, nothing is written.
    func open(
        _ opening: CaseOpening, idempotencyKey: String?, caller: Caller, suggestsDuplicates: Bool,
        alongside: (@Sendable (_ db: any SQLDatabase, _ caseId: Int64, _ record: CaseRecord) async throws -> Void)?
    ) async throws -> CaseView {
        let staff = caller.staff
        let key = try Self.checked(idempotencyKey)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let checked = try Self.check(opening, now: now)
        let setting = try await openingSetting(now: now)
        let fingerprint = "open " + String(decoding: try CaseEventCodec.encoder.encode(opening), as: UTF8.self)
        let actorKey = "account:\(staff.accountID)"
        return try await platform.database.write { db in try await CaseRollupRepository.batching(in: db) {
            let engine = CaseEngineRepository(db)
            if let key, let receipt = try await engine.receipt(actor: actorKey, key: key) {
                guard receipt.command == fingerprint else { throw Self.keyReused }
                return try CaseEventCodec.decoder.decode(CaseView.self, from: Data(receipt.response.utf8))
            }
            let opened = try await Self.insert(checked, caller: caller, setting: setting,
                                               suggestsDuplicates: suggestsDuplicates, in: db)
            try await alongside?(db, opened.caseId, opened.record)
            if let key {
                let response = String(decoding: try CaseEventCodec.encoder.encode(opened.view), as: UTF8.self)
                try await engine.insertReceipt(actor: actorKey, key: key, caseId: opened.caseId, command: fingerprint,
                                               response: response, at: now.millisecondsSince1970)
            }
            return opened.view
        } }
    }

    /// A party of an opening, checked.
    struct CheckedParty: Sendable {
        var side: String
        var kind: String
        var name: String
        var phone: PhoneNumber?
    }

    /// An opening checked and ready to insert; services that register cases their own way (the desk, grid
    /// reports) may adjust it (e.g. a category of the edited tree) before `insert`.
    struct CheckedOpening: Sendable {
        var report: ValidatedReport
        var urgency: Urgency
        var parties: [CheckedParty]
        var reportedAt: Date
        var peopleInvolved: Int
        var amountInvolved: Int64
        /// Where to file the case when the caller already placed it (a mediation opened for an area);
        /// nil: placed from the report's grid, location or address. It must lie in the jurisdiction.
        var filedAt: (areaCode: String, gridCode: String?)? = nil
    }

    /// What inserting needs besides the opening, read before the transaction.
    struct OpeningSetting: Sendable {
        var now: Date
        var atlas: AreaAtlas
        var calendar: BusinessCalendar
        var policy: CasePolicy
        var cipher: PersonalDataCipher
        var kind: DatabaseKind
    }

    /// A case just inserted: its view (with duplicate suggestions), row id and row.
    struct Opened: Sendable {
        var view: CaseView
        var caseId: Int64
        var record: CaseRecord
    }

    func openingSetting(now: Date) async throws -> OpeningSetting {
        OpeningSetting(now: now, atlas: try await platform.areaAtlas(), calendar: try await calendar(),
                       policy: try await platform.casePolicy(), cipher: platform.cipher, kind: platform.database.kind)
    }

    /// `opening` validated (`validate`), with its time, people and amount settled.
    static func check(_ opening: CaseOpening, now: Date) throws(DomainError) -> CheckedOpening {
        let (validated, urgency, parties) = try validate(opening, now: now)
        var report = validated
        report.idempotencyKey = nil
        return CheckedOpening(
            report: report, urgency: urgency,
            parties: parties.map { CheckedParty(side: $0.side, kind: $0.kind, name: $0.name, phone: $0.phone) },
            reportedAt: opening.reportedAt.map { Date(millisecondsSince1970: $0.millisecondsSince1970) } ?? now,
            peopleInvolved: max(1, opening.peopleInvolved ?? 1), amountInvolved: opening.amountInvolved ?? 0)
    }

    /// Writes the case of `checked` in the caller's transaction, placed inside `staff`'s jurisdiction and
    /// reported by `actor`: its number, row, `reported` event, group flag, clocks and parties. Auditing is
    /// the caller's. (Camera alerts file their cases through this with a system actor.)
    static func write(
        _ checked: CheckedOpening, actor: CaseActor, staff: Staff, setting: OpeningSetting, in db: any SQLDatabase
    ) async throws -> (record: CaseRecord, id: Int64, events: [CaseEvent]) {
        let now = setting.now
        let validated = checked.report
        let cipher = setting.cipher
        let sealedParties = try checked.parties.map {
            ($0, try $0.phone.map { try cipher.seal($0.rawValue) }, $0.phone?.masked)
        }
        let phoneCipher = try validated.contactPhone.map { try cipher.seal($0.rawValue) }
        var random = SystemRandomNumberGenerator()
        let tracking = TrackingCode(randomBytes: (0..<12).map { _ in UInt8.random(in: 0...255, using: &random) })
        let engine = CaseEngineRepository(db)
        let (areaCode, gridCode) = try checked.filedAt ?? Self.filing(validated, staff: staff, atlas: setting.atlas)
        guard staff.jurisdiction.contains(gridCode ?? areaCode) else { throw Self.outsidePlace(validated) }
        guard let area = AreaCode(areaCode) else { throw Self.outsidePlace(validated) }
        let cases = CaseRepository(db)
        let number = try await cases.reserveNumber(areaCode: areaCode, at: now)
        let nowMs = now.millisecondsSince1970
        let reportedAt = checked.reportedAt
        var record = CaseRecord(
            number: number.description, trackingCode: tracking.rawValue, kind: validated.kind.rawValue,
            category: validated.category, channel: validated.channel.rawValue, state: CaseState.reported.rawValue,
            urgency: checked.urgency.rawValue, areaCode: areaCode, gridCode: gridCode, lat: validated.location?.latitude,
            lon: validated.location?.longitude, address: validated.address, description: validated.description,
            peopleInvolved: checked.peopleInvolved, amountInvolved: checked.amountInvolved,
            contactName: validated.contactName, contactPhoneCipher: phoneCipher,
            contactPhoneMasked: validated.contactPhone?.masked, reportedDay: ChinaTime.dayString(reportedAt),
            reportedAt: reportedAt.millisecondsSince1970, updatedAt: nowMs)
        let reported = CaseEvent.reported(
            kind: validated.kind, channel: validated.channel, urgency: checked.urgency, areaCode: area,
            gridCode: gridCode.flatMap(AreaCode.init), trackingCode: tracking, by: actor, at: reportedAt)
        let id = try await cases.insert(record, events: [try CaseEventCodec.record(reported, caseId: 0, from: nil, to: .reported)])
        record.id = id
        try await engine.setGroupCase(caseId: id, peopleInvolved: record.peopleInvolved)
        try await CaseClockBook.sync(.init(record, caseId: id), events: [reported], now: now, calendar: setting.calendar,
                                     policy: setting.policy, promote: false, in: db)
        for (party, phoneCipher, phoneMasked) in sealedParties {
            try await engine.insertParty(caseId: id, side: party.side, kind: party.kind, name: party.name,
                                         phoneCipher: phoneCipher, phoneMasked: phoneMasked, at: nowMs)
        }
        return (record, id, [reported])
    }

    /// Inserts the case of `checked` for `caller` in the caller's transaction (`write`; a machine reports
    /// as the system, named after its token), then its view with its likely duplicates (unless
    /// `suggestsDuplicates` is false) and the `case.open` audit entry.
    static func insert(
        _ checked: CheckedOpening, caller: Caller, setting: OpeningSetting, suggestsDuplicates: Bool = true,
        in db: any SQLDatabase
    ) async throws -> Opened {
        let staff = caller.staff
        let actor: CaseActor = staff.isMachine ? .system(job: staff.username) : .staff(staff)
        let (record, id, events) = try await write(checked, actor: actor, staff: staff, setting: setting, in: db)
        var view = try await Self.view(record, caseId: id, events: events, now: setting.now, in: db)
        if suggestsDuplicates {
            view.duplicates = try await CaseDuplicates.suggestions(
                for: DuplicateProfile(gridCode: record.gridCode, address: record.address, description: record.description,
                                      kind: record.kind, category: record.category),
                areaCode: record.areaCode, around: record.reportedAt, days: CaseDuplicates.defaultDays, future: false,
                excluding: id, staff: staff, in: db)
        }
        try await AuditTrail.append(
            AuditEntry(caller, action: "case.open", objectType: "case", objectID: record.number,
                       summary: #"{"channel":"\#(record.channel)"}"#),
            at: setting.now.millisecondsSince1970, in: db, kind: setting.kind)
        return Opened(view: view, caseId: id, record: record)
    }

    /// Where a validated report is filed (its village and grid), which must lie in `staff`'s jurisdiction.
    static func filing(_ report: ValidatedReport, staff: Staff, atlas: AreaAtlas) throws -> (areaCode: String, gridCode: String?) {
        let (areaCode, gridCode) = try ReportIntake.place(report, atlas: atlas)
        guard staff.jurisdiction.contains(gridCode ?? areaCode) else { throw outsidePlace(report) }
        return (areaCode, gridCode)
    }

    static func outsidePlace(_ report: ValidatedReport) -> DomainError {
        let field = report.gridCode == nil ? "location" : "gridCode"
        return .validation([FieldError(field: field, code: "unknown", message: "辖区内没有该网格或位置")])
    }

    /// The largest 涉及金额 accepted, in yuan (一万亿).
    static let largestAmount: Int64 = 1_000_000_000_000

    /// How far back an opening's `reportedAt` may lie: 366 days.
    static let oldestReport: TimeInterval = 366 * 86_400

    /// The opening checked as a public report would be, plus the staff-only fields; `reportedAt` may not
    /// lie after `now` nor more than a year before it.
    static func validate(_ opening: CaseOpening, now: Date) throws(DomainError)
        -> (ValidatedReport, Urgency, [(side: String, kind: String, name: String, phone: PhoneNumber?)])
    {
        var errors: [FieldError] = []
        var channel: Channel?
        if let raw = opening.channel, !raw.isEmpty {
            channel = Channel(rawValue: raw)
            if channel == nil { errors.append(.invalid("channel", label: "来源渠道")) }
        } else {
            errors.append(.required("channel", label: "来源渠道"))
        }
        var urgency = Urgency.normal
        if let raw = opening.urgency, !raw.isEmpty {
            if let u = Urgency(rawValue: raw) { urgency = u } else { errors.append(.invalid("urgency", label: "紧急程度")) }
        }
        if let n = opening.peopleInvolved, n < 1 || n > 100_000 { errors.append(.invalid("peopleInvolved", label: "涉及人数")) }
        if let amount = opening.amountInvolved, amount < 0 || amount > Self.largestAmount {
            errors.append(FieldError(field: "amountInvolved", code: "out_of_range", message: "涉及金额应在0至1万亿元之间"))
        }
        if let reportedAt = opening.reportedAt {
            if reportedAt > now {
                errors.append(FieldError(field: "reportedAt", code: "in_future", message: "来电(来访)时间不能晚于当前时间"))
            } else if reportedAt < now.addingTimeInterval(-Self.oldestReport) {
                errors.append(FieldError(field: "reportedAt", code: "too_old", message: "来电(来访)时间不能早于一年前"))
            }
        }
        var parties: [(side: String, kind: String, name: String, phone: PhoneNumber?)] = []
        for (index, party) in (opening.parties ?? []).prefix(50).enumerated() {
            let side = party.side ?? "applicant"
            let kind = party.kind ?? "person"
            if !["person", "organization"].contains(kind) { errors.append(.invalid("parties[\(index)].kind", label: "当事人类型")) }
            let name = party.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !["applicant", "respondent"].contains(side) { errors.append(.invalid("parties[\(index)].side", label: "当事人类别")) }
            if name.isEmpty { errors.append(.required("parties[\(index)].name", label: "当事人姓名")) }
            if name.count > 60 { errors.append(.tooLong("parties[\(index)].name", label: "当事人姓名", max: 60)) }
            var phone: PhoneNumber?
            if let raw = party.phone, !raw.isEmpty {
                phone = PhoneNumber(raw)
                if phone == nil { errors.append(.invalid("parties[\(index)].phone", label: "当事人电话")) }
            }
            parties.append((side, kind, name, phone))
        }
        var report: ValidatedReport?
        do {
            report = try ReportSubmission(
                kind: opening.kind, category: opening.category, description: opening.description, address: opening.address,
                latitude: opening.latitude, longitude: opening.longitude, gridCode: opening.gridCode,
                contactName: opening.contactName, contactPhone: opening.contactPhone
            ).validate()
        } catch {
            if case .validation(let fields) = error { errors += fields } else { throw error }
        }
        guard errors.isEmpty, var report, let channel else { throw .validation(errors) }
        report.channel = channel
        return (report, urgency, parties)
    }
}
