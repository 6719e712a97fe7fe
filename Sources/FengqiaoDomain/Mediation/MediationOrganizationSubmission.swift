import Foundation

/// A mediation organisation as an administrator registers or changes it, before validation.
public struct MediationOrganizationSubmission: Sendable, Codable, Equatable {
    public var areaCode: String?
    public var kind: String?
    public var name: String?
    public var address: String?
    public var phone: String?
    public var active: Bool?

    public init(areaCode: String? = nil, kind: String? = nil, name: String? = nil, address: String? = nil,
                phone: String? = nil, active: Bool? = nil) {
        self.areaCode = areaCode
        self.kind = kind
        self.name = name
        self.address = address
        self.phone = phone
        self.active = active
    }

    public static let nameLimit = 60
    public static let addressLimit = 120

    /// Checks every field; `isKnownArea` says whether a code is an area of the map (the caller's tree).
    public func validate(isKnownArea: (AreaCode) -> Bool) throws(DomainError) -> ValidatedMediationOrganization {
        var errors: [FieldError] = []
        var area: AreaCode?
        if let raw = InputRules.text(areaCode) {
            if let code = AreaCode(raw), isKnownArea(code) { area = code } else {
                errors.append(FieldError(field: "areaCode", code: "unknown", message: "辖区内没有该区域"))
            }
        } else {
            errors.append(.required("areaCode", label: "所在区域"))
        }
        var kind: MediationOrganizationKind?
        if let raw = InputRules.text(self.kind) {
            kind = MediationOrganizationKind(named: raw)
            if kind == nil { errors.append(FieldError(field: "kind", code: "unknown", message: "没有这种调解组织类型")) }
        } else {
            errors.append(.required("kind", label: "组织类型"))
        }
        let name = InputRules.required(self.name, field: "name", label: "组织名称", max: Self.nameLimit, errors: &errors)
        let address = InputRules.text(self.address)
        if let address, address.count > Self.addressLimit {
            errors.append(.tooLong("address", label: "地址", max: Self.addressLimit))
        }
        var phone: PhoneNumber?
        if let raw = InputRules.text(self.phone) {
            phone = PhoneNumber(raw)
            if phone == nil { errors.append(.invalid("phone", label: "联系电话")) }
        }
        guard errors.isEmpty, let area, let kind, let name else { throw .validation(errors) }
        return ValidatedMediationOrganization(areaCode: area, kind: kind, name: name, address: address, phone: phone,
                                              active: active ?? true)
    }
}
