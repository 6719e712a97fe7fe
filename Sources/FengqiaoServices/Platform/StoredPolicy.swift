import FengqiaoDomain

/// A policy an administrator keeps as JSON in `platform_settings`.
public protocol StoredPolicy: Codable, Sendable {
    /// Its name in `platform_settings`.
    static var settingName: String { get }
    /// What applies while nothing is stored.
    static var defaults: Self { get }
    /// What is wrong with it, as field errors (empty when it may be used).
    func problems() -> [FieldError]
}

extension SecurityPolicy: StoredPolicy {
    public static let settingName = "security_policy"
    public static var defaults: SecurityPolicy { SecurityPolicy() }
}

extension CasePolicy: StoredPolicy {
    public static let settingName = "case_policy"
    public static var defaults: CasePolicy { CasePolicy() }
}
