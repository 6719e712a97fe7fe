import Foundation

/// A party (当事人) as a form or client sends it; side and kind take the machine or the Chinese names.
public struct MediationPartySubmission: Sendable, Codable, Equatable {
    public var side: String?
    public var kind: String?
    public var name: String?
    public var phone: String?

    public init(side: String? = nil, kind: String? = nil, name: String? = nil, phone: String? = nil) {
        self.side = side
        self.kind = kind
        self.name = name
        self.phone = phone
    }

    public static let nameLimit = 60

    /// The party added on its own to an open mediation (fields `side`, `kind`, `name`, `phone`).
    public func validate() throws(DomainError) -> MediationParty {
        var errors: [FieldError] = []
        guard let party = validate(prefix: "", errors: &errors) else { throw .validation(errors) }
        return party
    }

    /// The party, or its problems appended to `errors` under `parties[index].…`.
    func validate(index: Int, errors: inout [FieldError]) -> MediationParty? {
        validate(prefix: "parties[\(index)].", errors: &errors)
    }

    private func validate(prefix: String, errors: inout [FieldError]) -> MediationParty? {
        var problems: [FieldError] = []
        var side: MediationPartySide?
        if let raw = InputRules.text(self.side) {
            side = MediationPartySide(named: raw)
            if side == nil { problems.append(.invalid(prefix + "side", label: "当事人类别")) }
        } else {
            problems.append(.required(prefix + "side", label: "当事人类别(申请人或被申请人)"))
        }
        var kind = MediationPartyKind.person
        if let raw = InputRules.text(self.kind) {
            if let value = MediationPartyKind(named: raw) { kind = value } else {
                problems.append(.invalid(prefix + "kind", label: "当事人类型"))
            }
        }
        let name = InputRules.required(self.name, field: prefix + "name", label: "当事人姓名或名称", max: Self.nameLimit,
                                       errors: &problems)
        var phone: PhoneNumber?
        if let raw = InputRules.text(self.phone) {
            phone = PhoneNumber(raw)
            if phone == nil { problems.append(.invalid(prefix + "phone", label: "当事人电话")) }
        }
        errors += problems
        guard problems.isEmpty, let side, let name else { return nil }
        return MediationParty(side: side, kind: kind, name: name, phone: phone)
    }

    /// Whether no name and no phone were filled in (a blank row of a form, whose side is preset).
    public var isBlank: Bool { [name, phone].allSatisfy { InputRules.text($0) == nil } }
}
