import FengqiaoDomain
import Foundation
import HummingbirdBcrypt

/// bcrypt hashes (cost 10) of the demo accounts' passwords, and one "locked" hash of a random secret
/// that is thrown away, for every other generated account. Hashing runs in parallel; it is the
/// slowest fixed cost of a load.
enum DemoPasswords {
    static let cost: UInt8 = 10

    /// Hashes by role; the locked hash is under `nil`.
    static func hashes() async -> [Role?: String] {
        var system = SystemRandomNumberGenerator()
        let secret = Data((0..<24).map { _ in UInt8.random(in: 0...255, using: &system) }).base64EncodedString()
        return await withTaskGroup(of: (Role?, String).self) { group in
            for role in Role.allCases {
                let password = DemoLogin.credentials(for: role).password
                group.addTask { (role, Bcrypt.hash(password, cost: cost)) }
            }
            group.addTask { (nil, Bcrypt.hash(secret, cost: cost)) }
            var hashes: [Role?: String] = [:]
            for await (role, hash) in group { hashes[role] = hash }
            return hashes
        }
    }
}
