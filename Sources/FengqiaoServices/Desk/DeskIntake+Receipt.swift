import FengqiaoDomain
import FengqiaoStore
import Foundation

extension DeskIntake {
    /// The receipt (受理回执) of case `caseNumber` for the operator to print and hand over; "not found"
    /// outside the caller's jurisdiction.
    public func receipt(caseNumber: String, caller: Caller) async throws -> DeskReceipt {
        let staff = try Self.requireDesk(caller)
        let atlas = try await platform.areaAtlas()
        return try await platform.database.read { db in
            let loaded = try await CaseEngine.load(caseNumber, staff: staff, in: db)
            let record = loaded.record
            let intake = CaseIntakeRepository(db)
            let details = try await intake.find(caseId: loaded.id)
            let mergedInto = try await loaded.snapshot?.mergedInto.asyncFlatMap { try await intake.number(ofCase: $0) }
            let parties = try await CaseEngineRepository(db).parties(caseId: loaded.id).map {
                DeskReceipt.Party(sideName: $0.side == "respondent" ? "被申请人" : "申请人",
                                  kindName: $0.kind == "organization" ? "单位" : "个人", name: $0.name)
            }
            let pages = try await CaseAttachmentRepository(db).list(caseId: loaded.id).count
            let state = CaseState(rawValue: record.state)
            return DeskReceipt(
                number: record.number,
                trackingCode: TrackingCode(record.trackingCode)?.description ?? record.trackingCode,
                channelName: Channel(rawValue: record.channel)?.chineseName ?? record.channel,
                kindName: CaseKind(rawValue: record.kind)?.chineseName ?? record.kind, category: record.category,
                urgencyName: Urgency(rawValue: record.urgency)?.chineseName ?? record.urgency,
                stateName: state?.chineseName ?? record.state,
                reportedAt: Date(millisecondsSince1970: record.reportedAt),
                registeredAt: details.map { Date(millisecondsSince1970: $0.registeredAt) },
                firstResponder: details?.firstResponderName, visitors: details?.visitors,
                callerPhone: details?.callerPhoneMasked, calledAt: details?.calledAt.map { Date(millisecondsSince1970: $0) },
                letterDate: details?.letterDate, description: record.description, address: record.address,
                placeName: Self.placeName(record.gridCode ?? record.areaCode, atlas: atlas),
                peopleInvolved: record.peopleInvolved, amountInvolved: record.amountInvolved > 0 ? record.amountInvolved : nil,
                parties: parties, pages: pages, mergedInto: mergedInto)
        }
    }
}

extension Optional {
    fileprivate func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
