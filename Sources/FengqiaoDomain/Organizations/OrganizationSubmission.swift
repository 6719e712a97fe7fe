import Foundation

/// An organisation (企业, 社会组织 …) as staff or an import submit it, before validation.
public struct OrganizationSubmission: Sendable, Codable, Equatable {
    public var name: String?
    public var creditCode: String?
    public var kind: String?
    public var gridCode: String?
    public var address: String?

    public init(name: String? = nil, creditCode: String? = nil, kind: String? = nil, gridCode: String? = nil, address: String? = nil) {
        self.name = name
        self.creditCode = creditCode
        self.kind = kind
        self.gridCode = gridCode
        self.address = address
    }

    /// Checks every field (the credit code by its GB 32100 check character); throws `.validation`
    /// listing every problem.
    public func validate() throws(DomainError) -> ValidatedOrganization {
        var errors: [FieldError] = []
        let name = InputRules.required(self.name, field: "name", label: "组织名称", max: 100, errors: &errors)
        var code: UnifiedSocialCreditCode?
        do { code = try UnifiedSocialCreditCode(creditCode ?? "", field: "creditCode") } catch { errors.append(error) }
        var kind: OrganizationKind = .other
        if let raw = InputRules.text(self.kind) {
            do { kind = try OrganizationKind(parsing: raw, field: "kind") } catch { errors.append(error) }
        }
        let grid = InputRules.gridCode(gridCode, errors: &errors)
        let address = InputRules.required(self.address, field: "address", label: "地址", max: 200, errors: &errors)
        guard errors.isEmpty, let name, let code, let grid, let address else { throw .validation(errors) }
        return ValidatedOrganization(name: name, creditCode: code, kind: kind, gridCode: grid, address: address)
    }
}

/// An organisation that passed validation.
public struct ValidatedOrganization: Sendable, Equatable {
    public let name: String
    public let creditCode: UnifiedSocialCreditCode
    public let kind: OrganizationKind
    public let gridCode: AreaCode
    public let address: String
}
