import FengqiaoDomain
import FengqiaoStore
import Foundation
import HummingbirdBcrypt

/// Staff accounts for tests, with a known password (bcrypt at the lowest cost, for speed).
public enum TestAccounts {
    public static let password = "Test-Passw0rd"

    /// Inserts an active account and returns its id.
    @discardableResult
    public static func create(
        _ username: String, role: Role, area: String = SampleAreas.county, departmentID: Int64? = nil,
        displayName: String = "测试用户", in database: any Database
    ) async throws -> Int64 {
        let hash = Bcrypt.hash(password, cost: 4)
        return try await database.write { db in
            try await AccountRepository(db).insert(AccountRecord(
                username: username, displayName: displayName, passwordHash: hash, role: role.rawValue,
                areaCode: area, departmentId: departmentID, createdAt: 0))
        }
    }
}
