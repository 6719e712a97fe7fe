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
        let actor: CaseActor = staff.isMachine ? .system(job: staff.username) : .staff(staff)
        let key = try Self.checked(idempotencyKey)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let (checked, urgency, parties) = try Self.validate(opening, now: now)
        let reportedAt = opening.reportedAt.map { Date(millisecondsSince1970: $0.millisecondsSince1970) } ?? now
        var report = checked
        let cipher = platform.cipher
        let sealedParties = try parties.map { ($0.side, $0.name, try $0.phone.map { try cipher.seal($0.rawValue) }, $0.phone?.masked) }
        let phoneCipher = try report.contactPhone.map { try cipher.seal($0.rawValue) }
        var random = SystemRandomNumberGenerator()
        let tracking = TrackingCode(randomBytes: (0..<12).map { _ in UInt8.random(in: 0...255, using: &random) })
        let atlas = try await platform.areaAtlas()
        let calendar = try await calendar()
        let policy = try await platform.casePolicy()
        let fingerprint = "open " + String(decoding: try CaseEventCodec.encoder.encode(opening), as: UTF8.self)
        let actorKey = "account:\(staff.accountID)"
        let kind = platform.database.kind
        report.idempotencyKey = nil
        let validated = report
        return try await platform.database.write { db in
            let engine = CaseEngineRepository(db)
            if let key, let receipt = try await engine.receipt(actor: actorKey, key: key) {
                guard receipt.command == fingerprint else { throw Self.keyReused }
                return try CaseEventCodec.decoder.decode(CaseView.self, from: Data(receipt.response.utf8))
            }
            let (areaCode, gridCode) = try Self.filing(validated, staff: staff, atlas: atlas)
            guard let area = AreaCode(areaCode) else { throw Self.outsidePlace(validated) }
            let cases = CaseRepository(db)
            let number = try await cases.reserveNumber(areaCode: areaCode, at: now)
            let nowMs = now.millisecondsSince1970
            let record = CaseRecord(
                number: number.description, trackingCode: tracking.rawValue, kind: validated.kind.rawValue,
                category: validated.category, channel: validated.channel.rawValue, state: CaseState.reported.rawValue,
                urgency: urgency.rawValue, areaCode: areaCode, gridCode: gridCode, lat: validated.location?.latitude,
                lon: validated.location?.longitude, address: validated.address, description: validated.description,
                peopleInvolved: max(1, opening.peopleInvolved ?? 1), contactName: validated.contactName,
                contactPhoneCipher: phoneCipher, contactPhoneMasked: validated.contactPhone?.masked,
                reportedDay: ChinaTime.dayString(reportedAt), reportedAt: reportedAt.millisecondsSince1970, updatedAt: nowMs)
            let reported = CaseEvent.reported(
                kind: validated.kind, channel: validated.channel, urgency: urgency, areaCode: area,
                gridCode: gridCode.flatMap(AreaCode.init), trackingCode: tracking, by: actor, at: reportedAt)
            let id = try await cases.insert(record, events: [try CaseEventCodec.record(reported, caseId: 0, from: nil, to: .reported)])
            try await engine.setGroupCase(caseId: id, peopleInvolved: record.peopleInvolved)
            try await CaseClockBook.sync(.init(record, caseId: id), events: [reported], now: now, calendar: calendar,
                                         policy: policy, promote: false, in: db)
            for party in sealedParties {
                try await engine.insertParty(caseId: id, side: party.0, name: party.1, phoneCipher: party.2,
                                             phoneMasked: party.3, at: nowMs)
            }
            try await alongside?(db, id, record)
            var view = try await Self.view(record, caseId: id, events: [reported], now: now, in: db)
            if suggestsDuplicates {
                view.duplicates = try await CaseDuplicates.suggestions(
                    for: DuplicateProfile(gridCode: gridCode, address: record.address, description: record.description,
                                          kind: record.kind, category: record.category),
                    areaCode: areaCode, around: nowMs, days: CaseDuplicates.defaultDays, future: false, excluding: id,
                    staff: staff, in: db)
            }
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
