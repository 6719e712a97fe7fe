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
        func text(_ value: String?) -> String? {
            guard let t = value?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        let name = text(self.name)
        if name == nil { errors.append(.required("name", label: "组织名称")) }
        if let name, name.count > 100 { errors.append(.tooLong("name", label: "组织名称", max: 100)) }
        var code: UnifiedSocialCreditCode?
        do { code = try UnifiedSocialCreditCode(creditCode ?? "", field: "creditCode") } catch { errors.append(error) }
        var kind: OrganizationKind = .other
        if let raw = text(self.kind) {
            do { kind = try OrganizationKind(parsing: raw, field: "kind") } catch { errors.append(error) }
        }
        var grid: AreaCode?
        if let raw = text(gridCode) {
            grid = AreaCode(raw).flatMap { $0.level >= .grid ? $0 : nil }
            if grid == nil { errors.append(.invalid("gridCode", label: "网格编码")) }
        } else {
            errors.append(.required("gridCode", label: "所属网格"))
        }
        let address = text(self.address)
        if address == nil { errors.append(.required("address", label: "地址")) }
        if let address, address.count > 200 { errors.append(.tooLong("address", label: "地址", max: 200)) }
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
