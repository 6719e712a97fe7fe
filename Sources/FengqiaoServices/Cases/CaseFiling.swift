import FengqiaoDomain
import Foundation

/// A case ready to be written: the opening validated, its phone numbers sealed, its tracking code drawn,
/// the map, calendar and policy it is filed on, and who reports it — everything `CaseEngine.open` works out
/// before its transaction, so that a service opening a case inside its own transaction (camera alerts)
/// files it the same way.
struct CaseFiling: Sendable {
    struct Party: Sendable {
        var side: String
        var name: String
        var phoneCipher: String?
        var phoneMasked: String?
    }

    var report: ValidatedReport
    var urgency: Urgency
    var parties: [Party]
    var phoneCipher: String?
    var tracking: TrackingCode
    var peopleInvolved: Int
    var now: Date
    /// When the matter arrived (an imported call time), else `now`; the acceptance clock starts then.
    var reportedAt: Date
    var atlas: AreaAtlas
    var calendar: BusinessCalendar
    var policy: CasePolicy
    /// Who the `reported` event names: the member of staff, or `.system` for a machine.
    var actor: CaseActor
}
