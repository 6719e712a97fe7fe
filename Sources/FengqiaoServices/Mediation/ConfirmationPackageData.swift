import FengqiaoDomain
import Foundation

/// `调解数据.json` of a judicial-confirmation package: the mediation, the parties' names and sides, the
/// terms with amounts in 分 and in yuan, and the days, for the court's systems.
struct ConfirmationPackageData: Encodable {
    struct Mediation: Encodable {
        var number: String
        var documentNumber: String
        var caseNumber: String
        var specialty: String
        var specialtyName: String
        var areaCode: String
        var areaName: String?
        var organization: String
        var mediator: String?
    }

    struct Party: Encodable {
        var name: String
        var side: String
        var sideName: String
        var kind: String
        var kindName: String
    }

    struct Term: Encodable {
        var obligor: String
        var obligorName: String
        var content: String
        var amountFen: Int64?
        /// Plain yuan with two decimals (`12000.50`).
        var amountYuan: String?
        var dueOn: String?
    }

    struct Agreement: Encodable {
        var facts: String
        var terms: [Term]
        var totalFen: Int64
        var totalYuan: String
        var performanceMethod: String
        var performanceMethodName: String
        var performanceDeadline: String
        var concludedOn: String
        var signedOn: String?
        var signedCopy: String
    }

    struct Confirmation: Encodable {
        var windowLastDay: String?
        var state: String
        var stateName: String
        var court: String?
        var handedOn: String?
    }

    var mediation: Mediation
    var parties: [Party]
    var agreement: Agreement
    var confirmation: Confirmation
    var generatedOn: String

    init(_ d: MediationAgreementDocument, signedCopy: String) {
        let a = d.agreement
        mediation = Mediation(
            number: d.number, documentNumber: d.documentNumber, caseNumber: d.caseNumber, specialty: d.specialty,
            specialtyName: d.specialtyName, areaCode: d.areaCode, areaName: d.areaName, organization: d.organizationName,
            mediator: d.mediatorName)
        parties = d.parties.map {
            Party(name: $0.name, side: $0.side, sideName: $0.sideName, kind: $0.kind, kindName: $0.kindName)
        }
        agreement = Agreement(
            facts: a.facts,
            terms: a.terms.map {
                Term(obligor: $0.obligor, obligorName: $0.obligorName, content: $0.content, amountFen: $0.amountFen,
                     amountYuan: $0.amountFen.map(MoneyText.plain), dueOn: $0.dueOn)
            },
            totalFen: a.totalFen, totalYuan: MoneyText.plain(a.totalFen), performanceMethod: a.performanceMethod,
            performanceMethodName: a.performanceMethodName, performanceDeadline: a.performanceDeadline,
            concludedOn: a.concludedOn, signedOn: a.signedOn, signedCopy: signedCopy)
        confirmation = Confirmation(windowLastDay: a.window?.lastDay, state: a.confirmation, stateName: a.confirmationName,
                                    court: a.court, handedOn: a.handedOn)
        generatedOn = d.printedOn
    }
}
