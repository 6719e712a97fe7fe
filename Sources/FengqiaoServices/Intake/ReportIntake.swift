import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Takes a report from a public channel and files it as a new case in one transaction: the case
/// row, its `reported` event and its daily counter, or nothing at all.
public struct ReportIntake: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public func submit(_ submission: ReportSubmission) async throws -> ReportReceipt {
        let report = try submission.validate()
        let now = platform.clock.now()
        let cipher = platform.cipher
        let phoneCipher = try report.contactPhone.map { try cipher.seal($0.rawValue) }
        var random = SystemRandomNumberGenerator()
        let tracking = TrackingCode(randomBytes: (0..<12).map { _ in UInt8.random(in: 0...255, using: &random) })

        let atlas = try await platform.areaAtlas()
        return try await platform.database.write { db in
            let cases = CaseRepository(db)
            if let key = report.idempotencyKey, let existing = try await cases.find(idempotencyKey: key) {
                return ReportReceipt(existing, replayed: true)
            }
            let (areaCode, gridCode) = try Self.place(report, atlas: atlas)
            let number = try await cases.reserveNumber(areaCode: areaCode, at: now)
            let nowMs = now.millisecondsSince1970
            let record = CaseRecord(
                number: number.description, trackingCode: tracking.rawValue, idempotencyKey: report.idempotencyKey,
                kind: report.kind.rawValue, category: report.category, channel: report.channel.rawValue,
                state: CaseState.reported.rawValue, urgency: Urgency.normal.rawValue, areaCode: areaCode,
                gridCode: gridCode, lat: report.location?.latitude, lon: report.location?.longitude,
                address: report.address, description: report.description, contactName: report.contactName,
                contactPhoneCipher: phoneCipher, contactPhoneMasked: report.contactPhone?.masked,
                reportedDay: ChinaTime.dayString(now), reportedAt: nowMs, updatedAt: nowMs
            )
            guard let area = AreaCode(areaCode) else {
                throw DomainError.conflict(code: "not_configured", message: "行政区划编码无效,暂时无法受理")
            }
            let reported = CaseEvent.reported(
                kind: report.kind, channel: report.channel, areaCode: area, gridCode: gridCode.flatMap(AreaCode.init),
                trackingCode: tracking, by: .requester(tracking), at: Date(millisecondsSince1970: nowMs))
            let event = try CaseEventCodec.record(reported, caseId: 0, from: nil, to: .reported, channel: report.channel)
            _ = try await cases.insert(record, events: [event])
            return ReportReceipt(record, replayed: false)
        }
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
