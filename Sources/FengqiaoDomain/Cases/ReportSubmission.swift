import Foundation

/// A matter as a resident (or any public channel) submits it, before validation. Every field is
/// optional here so that validation, not decoding, reports what is missing, field by field.
public struct ReportSubmission: Sendable, Codable, Equatable {
    public var channel: String?
    public var kind: String?
    public var category: String?
    public var description: String?
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    public var gridCode: String?
    public var contactName: String?
    public var contactPhone: String?
    /// A client-chosen key; the same key twice yields the same case (a retried submission).
    public var idempotencyKey: String?
    /// One of the five-colour bags (`blue` … `red`) instead of a kind or category; the report is then
    /// filed on channel `fiveColorBag` under the bag's kind and category.
    public var bag: String?

    public init(
        channel: String? = nil, kind: String? = nil, category: String? = nil, description: String? = nil,
        address: String? = nil, latitude: Double? = nil, longitude: Double? = nil, gridCode: String? = nil,
        contactName: String? = nil, contactPhone: String? = nil, idempotencyKey: String? = nil, bag: String? = nil
    ) {
        self.channel = channel
        self.kind = kind
        self.category = category
        self.description = description
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.gridCode = gridCode
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.idempotencyKey = idempotencyKey
        self.bag = bag
    }

    public static let descriptionLimit = 2000

    /// Checks every field and returns the report, or throws `DomainError.validation` listing all problems.
    public func validate() throws(DomainError) -> ValidatedReport {
        var errors: [FieldError] = []
        func text(_ value: String?) -> String? {
            guard let t = value?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }

        var channel = Channel.web
        if let raw = text(self.channel) {
            if let c = Channel(rawValue: raw), c.isPublic { channel = c } else {
                errors.append(FieldError(field: "channel", code: "invalid_choice", message: "反映渠道不在可选范围内"))
            }
        }

        var bag: FiveColorBag?
        if let raw = text(self.bag) {
            bag = FiveColorBag(rawValue: raw)
            if bag == nil { errors.append(FieldError(field: "bag", code: "invalid_choice", message: "五色袋不在可选范围内")) }
        }
        if bag != nil, text(self.kind) != nil || text(self.category) != nil {
            errors.append(FieldError(field: "bag", code: "conflict", message: "五色袋和事项类别只能选一项"))
        }

        var kind: CaseKind?
        if let raw = text(self.kind) {
            kind = CaseKind(rawValue: raw)
            if kind == nil { errors.append(FieldError(field: "kind", code: "invalid_choice", message: "事件类型不在可选范围内")) }
        }
        let category = text(self.category)
        if let category {
            let owners = CaseKind.allCases.filter { $0.defaultCategories.contains(category) }
            if let k = kind {
                if !owners.contains(k) {
                    errors.append(FieldError(field: "category", code: "invalid_choice", message: "事项分类与事件类型不符"))
                }
            } else if let first = owners.first {
                kind = first
            } else {
                errors.append(FieldError(field: "category", code: "invalid_choice", message: "事项分类不在可选范围内"))
            }
        }
        if kind == nil && self.kind == nil && category == nil && text(self.bag) == nil {
            errors.append(.required("kind", label: "事件类型"))
        }

        let description = text(self.description)
        if let d = description {
            if d.count < 5 { errors.append(FieldError(field: "description", code: "too_short", message: "请把事情说得具体一些(至少5个字)")) }
            if d.count > Self.descriptionLimit { errors.append(.tooLong("description", label: "问题描述", max: Self.descriptionLimit)) }
        } else {
            errors.append(.required("description", label: "问题描述"))
        }

        let address = text(self.address)
        if let a = address, a.count > 200 { errors.append(.tooLong("address", label: "地址", max: 200)) }

        var location: Coordinate?
        switch (latitude, longitude) {
        case (nil, nil): break
        case (let lat?, let lon?):
            let c = Coordinate(latitude: lat, longitude: lon)
            if c.isInChina { location = c } else {
                errors.append(FieldError(field: "latitude", code: "out_of_range", message: "位置坐标不在有效范围内"))
            }
        case (nil, _): errors.append(FieldError(field: "latitude", code: "required", message: "请同时提供纬度和经度"))
        case (_, nil): errors.append(FieldError(field: "longitude", code: "required", message: "请同时提供纬度和经度"))
        }

        var grid: AreaCode?
        if let raw = text(gridCode) {
            grid = AreaCode(raw)
            if grid == nil { errors.append(.invalid("gridCode", label: "网格编码")) }
        }

        let contactName = text(self.contactName)
        if let n = contactName, n.count > 30 { errors.append(.tooLong("contactName", label: "联系人姓名", max: 30)) }
        var phone: PhoneNumber?
        if let raw = text(contactPhone) {
            phone = PhoneNumber(raw)
            if phone == nil { errors.append(.invalid("contactPhone", label: "联系电话")) }
        }

        let key = text(idempotencyKey)
        if let k = key, k.count > 100 { errors.append(.tooLong("idempotencyKey", label: "幂等键", max: 100)) }

        if let bag {
            // A bag is a channel of its own, whichever page or code it came through.
            channel = .fiveColorBag
            kind = bag.kind
        }
        guard errors.isEmpty, let kind, let description else { throw .validation(errors) }
        return ValidatedReport(
            channel: channel, kind: kind,
            category: bag?.category ?? category ?? kind.defaultCategories.first ?? kind.chineseName,
            description: description, address: address, location: location, gridCode: grid,
            contactName: contactName, contactPhone: phone, idempotencyKey: key
        )
    }
}
