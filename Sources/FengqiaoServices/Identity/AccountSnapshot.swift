import FengqiaoStore
import Foundation

/// What the audit log keeps of an account before and after a change: never a password or its hash.
struct AccountSnapshot: Encodable, Equatable {
    var role: String
    var area: String
    var department: Int64?
    var status: String
    /// When the password last changed: shows a reset without showing anything of the password.
    var passwordChangedAt: Int64?

    init(_ record: AccountRecord) {
        role = record.role
        area = record.areaCode
        department = record.departmentId
        status = record.status
        passwordChangedAt = record.passwordChangedAt
    }

    /// The audit summary of a change to `username`'s account: `{"after":…,"before":…,"username":…}`.
    static func summary(username: String, before: AccountSnapshot?, after: AccountSnapshot?) -> String {
        struct Change: Encodable {
            var username: String
            var before: AccountSnapshot?
            var after: AccountSnapshot?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Change(username: username, before: before, after: after))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
