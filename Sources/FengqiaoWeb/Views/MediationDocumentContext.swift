import FengqiaoServices
import Foundation

/// The context of the agreement's document templates (`documents/mediation-agreement`,
/// `documents/confirmation-application`): parties by name and side only, days written out in Chinese.
enum MediationDocumentContext {
    static func context(_ d: MediationAgreementDocument) -> [String: Any] {
        let a = d.agreement
        let day = MediationAgreementDocument.chineseDay
        return [
            "number": d.number, "documentNumber": d.documentNumber,
            "parties": d.parties.map { ["sideName": $0.sideName, "name": $0.name, "isOrganization": $0.isOrganization] },
            "factParagraphs": a.facts.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            "terms": a.terms.map { t -> [String: Any] in
                ["obligorName": t.obligorName, "content": t.content, "amount": t.amountYuan as Any,
                 "dueOn": t.dueOn.map { day($0) } as Any]
            },
            "hasMoney": a.totalFen > 0, "totalYuan": a.totalYuan, "methodName": a.performanceMethodName,
            "deadline": day(a.performanceDeadline),
            // One for each party and one for the committee.
            "copies": d.parties.count + 1,
            "organizationName": d.organizationName, "mediatorName": d.mediatorName ?? "",
            "concludedOnChinese": day(a.concludedOn), "effectiveOnChinese": day(a.signedOn),
            "windowEnds": day(a.window?.lastDay), "courtName": d.court ?? "＿＿＿＿＿＿人民法院",
            "handedOnChinese": day(a.handedOn ?? d.printedOn), "signed": a.signedOn != nil,
        ]
    }
}
