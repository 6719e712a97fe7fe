import FengqiaoDomain

/// What an account list is narrowed to: a part of the jurisdiction, a role, a status, and names
/// (username or display name) starting with some text. Empty means "any".
public struct AccountFilter: Sendable, Hashable {
    public var areaCode: String?
    public var role: String?
    public var status: String?
    public var namePrefix: String?

    public init(areaCode: String? = nil, role: String? = nil, status: String? = nil, namePrefix: String? = nil) {
        self.areaCode = areaCode
        self.role = role
        self.status = status
        self.namePrefix = namePrefix
    }

    /// The role and status as typed values; unknown ones are field errors.
    func validated() throws(DomainError) -> (role: Role?, status: AccountStatus?, namePrefix: String?) {
        var errors: [FieldError] = []
        let roleText = role?.trimmingCharacters(in: .whitespaces) ?? ""
        let role = roleText.isEmpty ? nil : Role(codeOrChineseName: roleText)
        if !roleText.isEmpty, role == nil {
            errors.append(FieldError(field: "role", code: "invalid_choice", message: "角色不在可选范围内"))
        }
        let statusText = status?.trimmingCharacters(in: .whitespaces) ?? ""
        let status = statusText.isEmpty ? nil : AccountStatus(rawValue: statusText)
        if !statusText.isEmpty, status == nil {
            errors.append(FieldError(field: "status", code: "invalid_choice", message: "状态不在可选范围内"))
        }
        let name = namePrefix?.trimmingCharacters(in: .whitespaces) ?? ""
        if name.count > 40 { errors.append(.tooLong("q", label: "姓名或用户名", max: 40)) }
        guard errors.isEmpty else { throw .validation(errors) }
        return (role, status, name.isEmpty ? nil : name)
    }
}
