import FengqiaoDomain
import FengqiaoStore
import Foundation

/// How a mediation ended, as staff see it: the conclusion, and for a (partly) successful one its
/// agreement with the signed copy, the follow-up of its performance and the judicial confirmation
/// (the 30-day window with its last day, whether it is still open today). Nil parts have not happened.
public struct MediationOutcomeView: Sendable, Codable, Equatable {
    public struct Conclusion: Sendable, Codable, Equatable {
        public var outcome: String
        public var outcomeName: String
        public var route: String?
        public var routeName: String?
        public var note: String?
        public var concludedBy: String
        public var concludedAt: Date
    }

    public struct Term: Sendable, Codable, Equatable {
        public var obligor: String
        public var obligorName: String
        public var content: String
        public var amountFen: Int64?
        /// `12,000.50`.
        public var amountYuan: String?
        public var dueOn: String?
    }

    /// The judicial-confirmation window of a signed agreement.
    public struct Window: Sendable, Codable, Equatable {
        public var effectiveOn: String
        public var lastDay: String
        public var open: Bool
        /// Days left after today (0 on the last day); nil once it closed.
        public var daysLeft: Int?
    }

    public struct Agreement: Sendable, Codable, Equatable {
        public var documentNumber: String
        public var facts: String
        public var terms: [Term]
        public var totalFen: Int64
        public var totalYuan: String
        public var performanceMethod: String
        public var performanceMethodName: String
        public var performanceDeadline: String
        public var concludedOn: String
        /// The day the parties signed; the agreement is in effect from it.
        public var signedOn: String?
        /// The signed copy, an attachment of the linked case.
        public var signedAttachmentId: Int64?
        public var performance: String
        public var performanceName: String
        public var performanceNote: String?
        public var performanceRecordedOn: String?
        public var window: Window?
        public var confirmation: String
        public var confirmationName: String
        public var court: String?
        public var handedOn: String?
        public var ruledOn: String?
        public var confirmationNote: String?
        public var version: Int
    }

    public var number: String
    public var state: String
    public var stateName: String
    /// The linked case after the conclusion (escalated one tier for 升级调处).
    public var caseNumber: String
    public var caseState: String
    public var caseStateName: String
    public var caseTier: String?
    public var caseTierName: String?
    public var conclusion: Conclusion?
    public var agreement: Agreement?

    static func terms(_ json: String) -> [AgreementTerm] {
        (try? JSONDecoder().decode([AgreementTerm].self, from: Data(json.utf8))) ?? []
    }

    static func term(_ t: AgreementTerm) -> Term {
        Term(obligor: t.obligor.rawValue, obligorName: t.obligor.chineseName, content: t.content, amountFen: t.amountFen,
             amountYuan: t.amountFen.map(MoneyText.yuan), dueOn: t.dueOn?.description)
    }

    static func conclusion(_ c: MediationConclusionRecord) -> Conclusion {
        let outcome = MediationOutcome(rawValue: c.outcome)
        let route = c.route.flatMap(MediationFailureRoute.init(rawValue:))
        return Conclusion(outcome: c.outcome, outcomeName: outcome?.chineseName ?? c.outcome, route: c.route,
                          routeName: route?.chineseName, note: c.note, concludedBy: c.concludedBy,
                          concludedAt: Date(millisecondsSince1970: c.concludedAt))
    }

    static func agreement(_ a: MediationAgreementRecord, mediationNumber: String, today: CivilDate,
                          calendar: BusinessCalendar) -> Agreement {
        let method = PerformanceMethod(rawValue: a.performanceMethod)
        let performance = AgreementPerformance(rawValue: a.performanceState)
        let confirmation = JudicialConfirmationState(rawValue: a.confirmationState)
        var window: Window?
        if let signed = a.signedOn.flatMap(CivilDate.init) {
            let last = JudicialConfirmationWindow.lastDay(effectiveOn: signed, calendar: calendar)
            let open = JudicialConfirmationWindow.isOpen(effectiveOn: signed, today: today, calendar: calendar)
            window = Window(effectiveOn: signed.description, lastDay: last.description, open: open,
                            daysLeft: open ? last.dayNumber - today.dayNumber : nil)
        }
        return Agreement(
            documentNumber: MediationNumber(mediationNumber)?.documentNumber ?? mediationNumber, facts: a.facts,
            terms: terms(a.terms).map(term), totalFen: a.totalFen, totalYuan: MoneyText.yuan(a.totalFen),
            performanceMethod: a.performanceMethod, performanceMethodName: method?.chineseName ?? a.performanceMethod,
            performanceDeadline: a.performanceDeadline, concludedOn: a.concludedOn, signedOn: a.signedOn,
            signedAttachmentId: a.signedAttachmentId, performance: a.performanceState,
            performanceName: performance?.chineseName ?? a.performanceState, performanceNote: a.performanceNote,
            performanceRecordedOn: a.performanceRecordedOn, window: window, confirmation: a.confirmationState,
            confirmationName: confirmation?.chineseName ?? a.confirmationState, court: a.confirmationCourt,
            handedOn: a.confirmationHandedOn, ruledOn: a.confirmationRuledOn, confirmationNote: a.confirmationNote,
            version: a.version)
    }
}
