import FengqiaoDomain
import Foundation

/// A case ready to be written by a service that opens it inside its own transaction (camera alerts):
/// the opening checked, what inserting needs (read before the transaction), and who reports it.
struct PreparedOpening: Sendable {
    var opening: CaseEngine.CheckedOpening
    var setting: CaseEngine.OpeningSetting
    /// Who the `reported` event names: the member of staff, or `.system` for a machine.
    var actor: CaseActor
}
