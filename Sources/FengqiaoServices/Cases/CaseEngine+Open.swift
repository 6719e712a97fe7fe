import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension CaseEngine {
    /// Registers a case for staff (受理登记) in one transaction: the row, its `reported` event, parties,
    /// counter and audit entry. Placed like a public report; it must lie in the caller's jurisdiction.
    public func open(_ opening: CaseOpening, idempotencyKey: String? = nil, caller: Caller) async throws -> CaseView {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.acceptCases) || staff.may(.handleCases) else {
            throw DomainError.forbidden(permission: .acceptCases)
        }
        let key = try Self.checked(idempotencyKey)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let (checked, urgency, parties) = try Self.validate(opening, now: now)
        let filing = try await filing(checked, urgency: urgency, parties: parties, peopleInvolved: opening.peopleInvolved,
                                      reportedAt: opening.reportedAt, actor: .staff(staff))
        let fingerprint = "open " + String(decoding: try CaseEventCodec.encoder.encode(opening), as: UTF8.self)
        let actorKey = "account:\(staff.accountID)"
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let engine = CaseEngineRepository(db)
            if let key, let receipt = try await engine.receipt(actor: actorKey, key: key) {
                guard receipt.command == fingerprint else { throw Self.keyReused }
                return try CaseEventCodec.decoder.decode(CaseView.self, from: Data(receipt.response.utf8))
            }
            let (record, id, events) = try await Self.insert(filing, staff: staff, in: db)
            let nowMs = filing.now.millisecondsSince1970
            var view = try await Self.view(record, caseId: id, events: events, now: filing.now, in: db)
            view.duplicates = try await CaseDuplicates.suggestions(
                for: DuplicateProfile(gridCode: record.gridCode, address: record.address, description: record.description,
                                      kind: record.kind, category: record.category),
                areaCode: record.areaCode, around: record.reportedAt, days: CaseDuplicates.defaultDays, future: false, excluding: id,
                staff: staff, in: db)
            try await AuditTrail.append(
                AuditEntry(caller, action: "case.open", objectType: "case", objectID: record.number,
                           summary: #"{"channel":"\#(record.channel)"}"#),
                at: nowMs, in: db, kind: kind)
            if let key {
                let response = String(decoding: try CaseEventCodec.encoder.encode(view), as: UTF8.self)
                try await engine.insertReceipt(actor: actorKey, key: key, caseId: id, command: fingerprint,
                                               response: response, at: nowMs)
            }
            return view
        }
    }

    /// What opening `report` needs before its transaction: phone numbers sealed, a tracking code, the
    /// time (and the earlier arrival `reportedAt`, when known), the map, the calendar and the policy.
    func filing(
        _ report: ValidatedReport, urgency: Urgency, parties: [(side: String, name: String, phone: PhoneNumber?)],
        peopleInvolved: Int?, reportedAt: Date? = nil, actor: CaseActor
    ) async throws -> CaseFiling {
        var report = report
        report.idempotencyKey = nil
        let cipher = platform.cipher
        let sealedParties = try parties.map {
            CaseFiling.Party(side: $0.side, name: $0.name, phoneCipher: try $0.phone.map { try cipher.seal($0.rawValue) },
                             phoneMasked: $0.phone?.masked)
        }
        let phoneCipher = try report.contactPhone.map { try cipher.seal($0.rawValue) }
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        var random = SystemRandomNumberGenerator()
        let tracking = TrackingCode(randomBytes: (0..<12).map { _ in UInt8.random(in: 0...255, using: &random) })
        return CaseFiling(
            report: report, urgency: urgency, parties: sealedParties, phoneCipher: phoneCipher, tracking: tracking,
            peopleInvolved: max(1, peopleInvolved ?? 1), now: now,
            reportedAt: reportedAt.map { Date(millisecondsSince1970: $0.millisecondsSince1970) } ?? now,
            atlas: try await platform.areaAtlas(), calendar: try await calendar(), policy: try await platform.casePolicy(),
            actor: actor)
    }

    /// Writes the case of `filing` in `db`, placed inside `staff`'s jurisdiction: the row with its number,
    /// the `reported` event, the group-case flag, the clocks and the parties. Returns the row, its id and
    /// its events; auditing is the caller's.
    static func insert(_ filing: CaseFiling, staff: Staff, in db: any SQLDatabase) async throws
        -> (record: CaseRecord, id: Int64, events: [CaseEvent])
    {
        let validated = filing.report
        let engine = CaseEngineRepository(db)
        let (areaCode, gridCode) = try Self.filing(validated, staff: staff, atlas: filing.atlas)
        guard let area = AreaCode(areaCode) else { throw Self.outsidePlace(validated) }
        let cases = CaseRepository(db)
        let (now, reportedAt) = (filing.now, filing.reportedAt)
        let number = try await cases.reserveNumber(areaCode: areaCode, at: now)
        let nowMs = now.millisecondsSince1970
        let record = CaseRecord(
            number: number.description, trackingCode: filing.tracking.rawValue, kind: validated.kind.rawValue,
            category: validated.category, channel: validated.channel.rawValue, state: CaseState.reported.rawValue,
            urgency: filing.urgency.rawValue, areaCode: areaCode, gridCode: gridCode, lat: validated.location?.latitude,
            lon: validated.location?.longitude, address: validated.address, description: validated.description,
            peopleInvolved: filing.peopleInvolved, contactName: validated.contactName,
            contactPhoneCipher: filing.phoneCipher, contactPhoneMasked: validated.contactPhone?.masked,
            reportedDay: ChinaTime.dayString(reportedAt), reportedAt: reportedAt.millisecondsSince1970, updatedAt: nowMs)
        let reported = CaseEvent.reported(
            kind: validated.kind, channel: validated.channel, urgency: filing.urgency, areaCode: area,
            gridCode: gridCode.flatMap(AreaCode.init), trackingCode: filing.tracking, by: filing.actor, at: reportedAt)
        let id = try await cases.insert(record, events: [try CaseEventCodec.record(reported, caseId: 0, from: nil, to: .reported)])
        try await engine.setGroupCase(caseId: id, peopleInvolved: record.peopleInvolved)
        try await CaseClockBook.sync(.init(record, caseId: id), events: [reported], now: now, calendar: filing.calendar,
                                     policy: filing.policy, promote: false, in: db)
        for party in filing.parties {
            try await engine.insertParty(caseId: id, side: party.side, name: party.name, phoneCipher: party.phoneCipher,
                                         phoneMasked: party.phoneMasked, at: nowMs)
        }
        return (record, id, [reported])
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

    /// How far back an opening's `reportedAt` may lie: 366 days.
    static let oldestReport: TimeInterval = 366 * 86_400

    /// The opening checked as a public report would be, plus the staff-only fields; `reportedAt` may not
    /// lie after `now` nor more than a year before it.
    static func validate(_ opening: CaseOpening, now: Date) throws(DomainError)
        -> (ValidatedReport, Urgency, [(side: String, name: String, phone: PhoneNumber?)])
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
        if let reportedAt = opening.reportedAt {
            if reportedAt > now {
                errors.append(FieldError(field: "reportedAt", code: "in_future", message: "来电(来访)时间不能晚于当前时间"))
            } else if reportedAt < now.addingTimeInterval(-Self.oldestReport) {
                errors.append(FieldError(field: "reportedAt", code: "too_old", message: "来电(来访)时间不能早于一年前"))
            }
        }
        var parties: [(side: String, name: String, phone: PhoneNumber?)] = []
        for (index, party) in (opening.parties ?? []).prefix(50).enumerated() {
            let side = party.side ?? "applicant"
            let name = party.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !["applicant", "respondent"].contains(side) { errors.append(.invalid("parties[\(index)].side", label: "当事人类别")) }
            if name.isEmpty { errors.append(.required("parties[\(index)].name", label: "当事人姓名")) }
            if name.count > 60 { errors.append(.tooLong("parties[\(index)].name", label: "当事人姓名", max: 60)) }
            var phone: PhoneNumber?
            if let raw = party.phone, !raw.isEmpty {
                phone = PhoneNumber(raw)
                if phone == nil { errors.append(.invalid("parties[\(index)].phone", label: "当事人电话")) }
            }
            parties.append((side, name, phone))
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
