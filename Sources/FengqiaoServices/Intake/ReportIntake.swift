import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Takes a report from a public channel and files it as a new case: the case row, its `reported`
/// event, its daily counter, its acceptance clock (as for staff-opened cases) and its photos as case
/// attachments — or nothing at all. Everything that needs no database is worked out first; the rows
/// are then written through `Platform.intake`, which files the reports arriving at the same moment
/// together in one transaction (`fileBatch`). Photos are checked by content before anything is
/// written; their files are stored before the transaction and removed again when the report is not
/// filed or repeats one filed before.
public struct ReportIntake: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public func submit(_ submission: ReportSubmission, photos: [ReportPhoto] = []) async throws -> ReportReceipt {
        let (report, types) = try Self.validate(submission, photos: photos)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let phoneCipher = try report.contactPhone.map { try platform.cipher.seal($0.rawValue) }
        var random = SystemRandomNumberGenerator()
        let tracking = TrackingCode(randomBytes: (0..<12).map { _ in UInt8.random(in: 0...255, using: &random) })
        let atlas = try await platform.areaAtlas()
        let calendar = try await platform.businessCalendar()
        let policy = try await platform.casePolicy()
        let (areaCode, gridCode) = try Self.place(report, atlas: atlas)
        guard let area = AreaCode(areaCode) else {
            throw DomainError.conflict(code: "not_configured", message: "行政区划编码无效,暂时无法受理")
        }
        let nowMs = now.millisecondsSince1970
        let record = CaseRecord(
            number: "", trackingCode: tracking.rawValue, idempotencyKey: report.idempotencyKey,
            kind: report.kind.rawValue, category: report.category, channel: report.channel.rawValue,
            state: CaseState.reported.rawValue, urgency: Urgency.normal.rawValue, areaCode: areaCode,
            gridCode: gridCode, lat: report.location?.latitude, lon: report.location?.longitude,
            address: report.address, description: report.description, contactName: report.contactName,
            contactPhoneCipher: phoneCipher, contactPhoneMasked: report.contactPhone?.masked,
            reportedDay: ChinaTime.dayString(now), reportedAt: nowMs, updatedAt: nowMs
        )
        let reported = CaseEvent.reported(
            kind: report.kind, channel: report.channel, areaCode: area, gridCode: gridCode.flatMap(AreaCode.init),
            trackingCode: tracking, by: .requester(tracking), at: now)
        let event = try CaseEventCodec.record(reported, caseId: 0, from: nil, to: .reported, channel: report.channel)
        // The clocks as `CaseClockBook.sync` writes them for a case without clock rows.
        let book = CaseClockBook.records(
            for: CaseClockPlan.clocks(for: [reported], calendar: calendar, policy: policy), caseId: 0, previous: [],
            now: now, calendar: calendar, promote: false)
        let stored = try storePhotos(photos)
        do {
            let uploader = CaseEventCodec.actorText(CaseEventActor(.requester(tracking)), channel: report.channel)
            let attachments = zip(stored, zip(types, photos)).map { file, typed in
                CaseAttachmentRecord(
                    caseId: 0, storedName: file.name, fileType: typed.0.rawValue, size: Int64(file.size),
                    sha256: file.sha256, originalName: AttachmentName.named(typed.1.filename, type: typed.0),
                    uploadedBy: uploader, createdAt: nowMs)
            }
            let receipt = try await platform.intake.write(CaseFiling(
                record: record, events: [event], clocks: book.records, dueAt: book.dueAt, clockStatus: book.status,
                attachments: attachments))
            // A retried submission keeps the photos of its first answer.
            if receipt.replayed { removeFiles(stored) }
            return receipt
        } catch {
            removeFiles(stored)
            throw error
        }
    }

    /// The report and the type of each photo, or every problem of both at once.
    static func validate(_ submission: ReportSubmission, photos: [ReportPhoto]) throws(DomainError)
        -> (ValidatedReport, [FileType])
    {
        var errors: [FieldError] = []
        var report: ValidatedReport?
        var types: [FileType] = []
        do { report = try submission.validate() } catch { errors += Self.fields(error) }
        if !photos.isEmpty {
            do { types = try ReportPhotos.check(photos) } catch { errors += Self.fields(error) }
        }
        guard errors.isEmpty, let report else { throw .validation(errors) }
        return (report, types)
    }

    private static func fields(_ error: DomainError) -> [FieldError] {
        if case .validation(let fields) = error { return fields }
        return [FieldError(field: "", code: error.code, message: error.message)]
    }

    /// Writes the (already checked) photos; on a failure removes those already written.
    private func storePhotos(_ photos: [ReportPhoto]) throws -> [StoredUpload] {
        var stored: [StoredUpload] = []
        do {
            for photo in photos { stored.append(try platform.uploads.store(photo.data, rule: ReportPhotos.rule)) }
        } catch {
            removeFiles(stored)
            throw error
        }
        return stored
    }

    private func removeFiles(_ stored: [StoredUpload]) {
        for file in stored { platform.uploads.remove(file.name) }
    }

    /// What a submission that must not be stored (a filled honeypot field) is answered with: a receipt
    /// shaped like a real one, with a fresh tracking code and a number of the root centre's county,
    /// so an automated sender cannot tell it was dropped.
    public func decoyReceipt() async throws -> ReportReceipt {
        let now = platform.clock.now()
        var random = SystemRandomNumberGenerator()
        let tracking = TrackingCode(randomBytes: (0..<12).map { _ in UInt8.random(in: 0...255, using: &random) })
        let root = try await platform.areaAtlas().rootCode ?? "000000000000"
        let sequence = Int.random(in: 1...99_999, using: &random)
        let number = CaseNumber(countyPrefix: String(root.prefix(6)), year: ChinaTime.year(now), sequence: sequence)
        return ReportReceipt(
            number: number?.description ?? "", trackingCode: tracking.description, state: .reported,
            stateName: CaseState.reported.chineseName, areaCode: root, gridCode: nil, reportedAt: now, replayed: false)
    }

    /// The area and grid a report is filed under: the named grid; else the finest area whose
    /// boundary holds its location; else the area its address names; else the root (city) centre,
    /// which places it by hand.
    static func place(_ report: ValidatedReport, atlas: AreaAtlas) throws -> (areaCode: String, gridCode: String?) {
        if let code = report.gridCode {
            guard let path = atlas.path(to: code.rawValue), [.grid, .microGrid].contains(path.leaf.level) else {
                throw DomainError.validation([FieldError(field: "gridCode", code: "unknown", message: "网格编码不存在")])
            }
            return path.filing
        }
        if let point = report.location, let path = atlas.locate(point) {
            return path.filing
        }
        if let address = report.address, case .match(let candidate) = atlas.resolve(address: address),
           let path = atlas.path(to: candidate.code.rawValue) {
            return path.filing
        }
        guard let root = atlas.rootCode else {
            throw DomainError.conflict(code: "not_configured", message: "平台尚未配置行政区划,暂时无法受理")
        }
        return (root, nil)
    }
}

extension ReportReceipt {
    init(_ record: CaseRecord, replayed: Bool) {
        let state = CaseState(rawValue: record.state) ?? .reported
        self.init(
            number: record.number, trackingCode: TrackingCode(record.trackingCode)?.description ?? record.trackingCode,
            state: state, stateName: state.chineseName, areaCode: record.areaCode, gridCode: record.gridCode,
            reportedAt: Date(millisecondsSince1970: record.reportedAt), replayed: replayed
        )
    }
}

extension ReportIntake {
    /// The township, village and grid names of grid `code`, for the heading of the public report
    /// form; nil when the code names no active grid. Public: it is what the printed card shows.
    public func gridPlace(code: String) async throws -> [String]? {
        guard !code.isEmpty, let path = try await platform.areaAtlas().path(to: code),
              [.grid, .microGrid].contains(path.leaf.level)
        else { return nil }
        return path.nodes.filter { $0.level >= .township }.map(\.name)
    }
}
