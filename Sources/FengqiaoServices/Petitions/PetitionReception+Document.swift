import FengqiaoDomain
import FengqiaoStore
import Foundation

extension PetitionReception {
    /// The contents of document `kind` of petition `id`, for whoever sees the petition, once it exists (a
    /// notice after the decision, the reply after it was given; otherwise 404). Every download is audited.
    public func document(id: Int64, kind documentKind: PetitionDocumentKind, caller: Caller) async throws
        -> PetitionDocument
    {
        let staff = caller.staff
        try staff.require(.viewCases)
        let now = platform.clock.now()
        let calendar = try await platform.businessCalendar()
        let atlas = try await platform.areaAtlas()
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let record = try await Self.load(id, staff: staff, in: db)
            let petitioners = try await PetitionRepository(db).petitioners(of: id)
            let names = petitioners.map(\.name).joined(separator: "、")
            let form = PetitionForm(rawValue: record.form)
            let received = Date(millisecondsSince1970: record.receivedAt)
            let issuer = (atlas.node(String(record.placeCode.prefix(9)) + "000")?.name ?? "") + "信访工作机构"
            var document: PetitionDocument
            switch documentKind {
            case .notice:
                guard let decision = record.decision.flatMap { PetitionDecision(rawValue: $0) }, let decided = record.decidedAt else {
                    throw DomainError.notFound(what: "该文书")
                }
                let remedy = switch decision {
                case .accept: "本机关将依法办理,自受理之日起\(PetitionLimits.handling)内作出书面答复;情况复杂的,经批准可适当延长,延长期限不超过\(PetitionLimits.maximumExtension)。"
                case .decline: "对不予受理决定有异议的,可依法通过其他法定途径主张权利。"
                case .refuseRepeat: "您反映的事项已依法受理或办理,本机关不再重复受理。"
                }
                document = PetitionDocument(
                    kind: .notice, title: decision.noticeTitle, number: "", addressees: names,
                    receivedDay: Self.chineseDay(received), formName: form?.chineseName ?? record.form,
                    description: record.description, respondentOrgan: record.respondentOrgan,
                    decisionName: decision.chineseName, body: record.decisionReason ?? "", remedy: remedy, issuer: issuer,
                    issuedDay: Self.chineseDay(Date(millisecondsSince1970: decided)), fileName: "")
            case .reply:
                guard let reply = record.reply, let replied = record.repliedAt else { throw DomainError.notFound(what: "该文书") }
                let windowEnds = Self.timeline(record).reviewWindowEnds(calendar: calendar).map(Self.chineseDay) ?? ""
                document = PetitionDocument(
                    kind: .reply, title: "答复意见书", number: "", addressees: names,
                    receivedDay: Self.chineseDay(received), formName: form?.chineseName ?? record.form,
                    description: record.description, respondentOrgan: record.respondentOrgan, decisionName: nil,
                    body: reply,
                    remedy: "如对本答复意见不服,可自收到本答复意见书之日起\(PetitionLimits.requestWindow)内(至\(windowEnds))"
                        + "向上一级机关请求复查。",
                    issuer: issuer, issuedDay: Self.chineseDay(Date(millisecondsSince1970: replied)), fileName: "")
            }
            document.number = "信访〔\(record.caseNumber.split(separator: "-").dropFirst().first ?? "")〕\(record.caseNumber)号"
            document.fileName = "\(document.title)-\(record.caseNumber).pdf"
            try await Self.audit(caller, action: "petition.document", record, ["document": documentKind.rawValue],
                                 now: now, kind: kind, in: db)
            return document
        }
    }

    /// `2026年11月23日`, as documents write dates.
    static func chineseDay(_ date: Date) -> String {
        let day = CivilDate(containing: date)
        return "\(day.year)年\(day.month)月\(day.day)日"
    }
}
