import Foundation

/// The signed copy of an agreement: the day the parties signed it, from which the agreement takes
/// effect (and the 30-day judicial-confirmation window runs).
public enum AgreementSigning {
    /// The signing day in `text`: required, not after `today`, not before the agreement was reached.
    public static func signedOn(_ text: String?, concludedOn: CivilDate, today: CivilDate) throws(DomainError) -> CivilDate {
        var errors: [FieldError] = []
        let day = AgreementDay.parse(text, field: "signedOn", label: "签署日期", today: today, earliest: concludedOn,
                                     earliestName: "协议日期", defaultsToToday: false, errors: &errors)
        guard errors.isEmpty, let day else { throw .validation(errors) }
        return day
    }

    /// Refuses a second signed copy: the agreement took effect on the day of the first.
    public static func requireUnsigned(signedOn: CivilDate?) throws(DomainError) {
        if let signedOn {
            throw .conflict(code: "agreement_signed", message: "调解协议已于 \(signedOn) 签署生效,签署文本已上传")
        }
    }
}
