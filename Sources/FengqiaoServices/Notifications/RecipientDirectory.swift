import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Who an outbox row's `recipient` names: `department:ID` (the department's active staff),
/// `grid:CODE` (the active holders of the grid's leader, full-time and part-time posts — the police
/// post is not the grid's case work) or `account:ID` (that account, if active). Addresses are unsealed
/// here, in memory only.
public struct RecipientDirectory: Sendable {
    /// The grid posts a `grid:CODE` row reaches.
    public static let gridPosts: [GridPost] = [.leader, .fullTime, .partTime]

    /// A recipient as parsed.
    public enum Address: Sendable, Hashable {
        case department(Int64)
        case grid(String)
        case account(Int64)

        public init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty, parts[1].utf8.count <= 40 else { return nil }
            switch parts[0] {
            case "department": guard let id = Int64(parts[1]), id > 0 else { return nil }; self = .department(id)
            case "account": guard let id = Int64(parts[1]), id > 0 else { return nil }; self = .account(id)
            case "grid": guard AreaCode(parts[1]) != nil else { return nil }; self = .grid(parts[1])
            default: return nil
            }
        }
    }

    /// The people a row reaches and the area it concerns (nil when it cannot be told).
    public struct Resolution: Sendable, Equatable {
        public var people: [NotificationRecipient]
        public var areaCode: String?
    }

    let cipher: PersonalDataCipher

    public init(cipher: PersonalDataCipher) { self.cipher = cipher }

    /// Resolves `address` in `db`.
    public func resolve(_ address: Address, in db: any SQLDatabase) async throws -> Resolution {
        let contacts = ContactRepository(db)
        switch address {
        case .department(let id):
            return Resolution(people: try await contacts.department(id).map(person), areaCode: try await contacts.departmentArea(id))
        case .grid(let code):
            return Resolution(people: try await contacts.grid(code, posts: Self.gridPosts.map(\.rawValue)).map(person),
                              areaCode: code)
        case .account(let id):
            return Resolution(people: try await contacts.account(id).map(person), areaCode: try await contacts.accountArea(id))
        }
    }

    /// A contact with its addresses unsealed; one that cannot be opened (another key) counts as missing.
    func person(_ contact: ContactRecord) -> NotificationRecipient {
        NotificationRecipient(
            accountID: contact.id, username: contact.username, displayName: contact.displayName,
            phone: contact.phoneCipher.flatMap { try? cipher.open($0) },
            email: contact.emailCipher.flatMap { try? cipher.open($0) })
    }
}
