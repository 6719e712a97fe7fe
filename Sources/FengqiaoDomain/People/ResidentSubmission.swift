import Foundation

/// A resident as staff or an import submit one, before validation. Every field is optional so that
/// validation reports all that is missing or wrong, field by field.
public struct ResidentSubmission: Sendable, Codable, Equatable {
    public var name: String?
    public var idNumber: String?
    public var phone: String?
    public var gridCode: String?
    public var address: String?
    /// 户主, 配偶 … (relation to the head of the household at the same address).
    public var relation: String?
    /// Tag names, Chinese or codes (留守儿童, emptyNestElder …).
    public var tags: [String]?

    public init(
        name: String? = nil, idNumber: String? = nil, phone: String? = nil, gridCode: String? = nil,
        address: String? = nil, relation: String? = nil, tags: [String]? = nil
    ) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.gridCode = gridCode
        self.address = address
        self.relation = relation
        self.tags = tags
    }

    /// Checks every field: the ID number by its GB 11643 check character and birth date, the phone by
    /// its mainland format, the grid code's shape. Throws `.validation` listing every problem.
    public func validate() throws(DomainError) -> ValidatedResident {
        var errors: [FieldError] = []
        let text = InputRules.text
        let name = InputRules.required(self.name, field: "name", label: "姓名", max: 30, errors: &errors)

        var idNumber: ResidentIdentityNumber?
        if let raw = text(self.idNumber) {
            idNumber = ResidentIdentityNumber(raw)
            if idNumber == nil {
                errors.append(FieldError(field: "idNumber", code: "invalid_id_number",
                                         message: "公民身份号码不正确(请核对出生日期和末位校验码)"))
            }
        } else {
            errors.append(.required("idNumber", label: "公民身份号码"))
        }

        var phone: PhoneNumber?
        if let raw = text(self.phone) {
            phone = PhoneNumber(raw)
            if phone == nil { errors.append(.invalid("phone", label: "联系电话")) }
        }

        let grid = InputRules.gridCode(gridCode, errors: &errors)
        let address = InputRules.required(self.address, field: "address", label: "居住地址", max: 200, errors: &errors)

        var relation: HouseholdRelation?
        if let raw = text(self.relation) {
            do { relation = try HouseholdRelation(parsing: raw, field: "relation") } catch { errors.append(error) }
        }

        var tags: [PersonTag] = []
        for (i, raw) in (self.tags ?? []).enumerated() where text(raw) != nil {
            do {
                let tag = try PersonTag(parsing: raw, field: "tags[\(i)]")
                if !tags.contains(tag) { tags.append(tag) }
            } catch { errors.append(error) }
        }

        guard errors.isEmpty, let name, let idNumber, let grid, let address else { throw .validation(errors) }
        return ValidatedResident(name: name, idNumber: idNumber, phone: phone, gridCode: grid, address: address,
                                 relation: relation, tags: tags)
    }
}
