import FengqiaoDomain
import Foundation

/// The mediation pages' forms as the service's submissions. Party rows are `party0Side`, `party0Kind`,
/// `party0Name`, `party0Phone` … (blank rows, whose side is preset, are left out); the amount is typed in
/// yuan; the referral block of the opening form is `referralKind` …
enum MediationCaseInput {
    static let partyRows = 4

    static func opening(_ form: FormFields) throws(DomainError) -> MediationOpeningSubmission {
        var amount: Int64?
        if let text = form["amountYuan"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let fen = MoneyText.fen(text, largest: MediationOpeningSubmission.largestAmountFen) else {
                throw .validation([FieldError(field: "amountYuan", code: "invalid_format", message: "涉及金额格式不正确,应如 1234.50(元)")])
            }
            amount = fen
        }
        let parties = (0..<partyRows).map { row in
            MediationPartySubmission(side: form["party\(row)Side"], kind: form["party\(row)Kind"], name: form["party\(row)Name"],
                                     phone: form["party\(row)Phone"])
        }.filter { !$0.isBlank }
        let referral = MediationReferralSubmission(
            kind: form["referralKind"], counterpart: form["referralCounterpart"], reference: form["referralReference"],
            note: form["referralNote"], date: form["referralDate"])
        return MediationOpeningSubmission(
            caseNumber: form["caseNumber"], specialty: form["specialty"], facts: form["facts"], amountFen: amount,
            areaCode: form["areaCode"], organizationId: int(form["organizationId"]), mediatorId: int(form["mediatorId"]),
            parties: parties, referral: referral.isBlank ? nil : referral)
    }

    /// A party added on the mediation page: `side`, `kind`, `name`, `phone`.
    static func party(_ form: FormFields) -> MediationPartySubmission {
        MediationPartySubmission(side: form["side"], kind: form["kind"], name: form["name"], phone: form["phone"])
    }

    static func session(_ form: FormFields) -> MediationSessionSubmission {
        MediationSessionSubmission(at: form["at"], place: form["place"], attendees: form["attendees"], notes: form["notes"],
                                   outcome: form["outcome"])
    }

    static func referral(_ form: FormFields) -> MediationReferralSubmission {
        MediationReferralSubmission(kind: form["kind"], counterpart: form["counterpart"], reference: form["reference"],
                                    note: form["note"], date: form["date"])
    }

    static func referralUpdate(_ form: FormFields) -> MediationReferralUpdate {
        MediationReferralUpdate(action: form["action"], text: form["text"], date: form["date"])
    }

    /// A mediator from the pool page's form: specialties and languages are ticked boxes
    /// (`specialty_<name>`, `language_<name>`); an unticked "active" box is sent as nothing.
    static func mediator(_ form: FormFields, editing: Bool) -> MediatorSubmission {
        MediatorSubmission(
            organizationId: int(form["organizationId"]), name: form["name"], phone: form["phone"],
            specialties: MediationSpecialty.allCases.filter { form["specialty_\($0.rawValue)"] != nil }.map(\.rawValue),
            languages: MediationLanguage.allCases.filter { form["language_\($0.rawValue)"] != nil }.map(\.rawValue),
            availability: form["availability"], active: editing ? form["active"] != nil : nil)
    }

    static func int(_ text: String?) -> Int64? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return Int64(text) ?? -1
    }
}
