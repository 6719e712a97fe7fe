import FengqiaoDomain
import Foundation

/// The outcome forms of the mediation page as the service's submissions. Term rows are `term0Obligor`,
/// `term0Content`, `term0Amount` (yuan), `term0DueOn` …; blank rows are left out by the validation.
enum MediationOutcomeInput {
    static let termRows = 4

    static func conclusion(_ form: FormFields) -> MediationConclusionSubmission {
        let terms = (0..<termRows).map { row in
            AgreementTermSubmission(obligor: form["term\(row)Obligor"], content: form["term\(row)Content"],
                                    amount: form["term\(row)Amount"], dueOn: form["term\(row)DueOn"])
        }
        let agreement = MediationAgreementSubmission(
            facts: form["facts"], terms: terms, performanceMethod: form["performanceMethod"],
            performanceDeadline: form["performanceDeadline"])
        let outcome = form["outcome"].flatMap { MediationOutcome(named: $0) }
        // The agreement block is on the form whatever the outcome: it counts when the outcome has an
        // agreement or when something was typed into it (a failure with an agreement is refused, not dropped).
        let typed = [form["facts"], form["performanceDeadline"]].contains {
            !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        } || terms.contains { !$0.isBlank }
        let hasAgreement = outcome == .succeeded || outcome == .partial || typed
        return MediationConclusionSubmission(outcome: form["outcome"], agreement: hasAgreement ? agreement : nil,
                                             route: form["route"], note: form["note"])
    }

    static func performance(_ form: FormFields) -> AgreementPerformanceSubmission {
        AgreementPerformanceSubmission(state: form["state"], note: form["note"], day: form["day"])
    }

    static func handOff(_ form: FormFields) -> ConfirmationHandOffSubmission {
        ConfirmationHandOffSubmission(court: form["court"], day: form["day"])
    }

    static func ruling(_ form: FormFields) -> ConfirmationRulingSubmission {
        ConfirmationRulingSubmission(result: form["result"], day: form["day"], note: form["note"])
    }
}
