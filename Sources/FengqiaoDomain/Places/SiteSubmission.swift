import Foundation

/// A place (场所) or a thing (隐患点, 设施) as staff submit it: a name, a kind, where it is. The grid
/// may be left out when the coordinates say it.
public struct SiteSubmission<Kind: ChineseNamedKind>: Sendable, Codable, Equatable {
    public var name: String?
    public var kind: String?
    public var gridCode: String?
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    public var note: String?

    public init(
        name: String? = nil, kind: String? = nil, gridCode: String? = nil, address: String? = nil,
        latitude: Double? = nil, longitude: Double? = nil, note: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.gridCode = gridCode
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.note = note
    }

    /// Checks every field; `requiresLocation` for places, which are drawn on the map.
    public func validate(requiresLocation: Bool) throws(DomainError) -> ValidatedSite<Kind> {
        var errors: [FieldError] = []
        let name = InputRules.required(self.name, field: "name", label: "名称", max: 100, errors: &errors)
        var kind: Kind?
        do { kind = try Kind(parsing: self.kind ?? "", field: "kind") } catch { errors.append(error) }
        var grid: AreaCode?
        if InputRules.text(gridCode) != nil { grid = InputRules.gridCode(gridCode, errors: &errors) }
        let address = InputRules.required(self.address, field: "address", label: "地址", max: 200, errors: &errors)
        var location: Coordinate?
        switch (latitude, longitude) {
        case (let lat?, let lon?):
            let point = Coordinate(latitude: lat, longitude: lon)
            if point.isInChina { location = point } else {
                errors.append(FieldError(field: "latitude", code: "out_of_range", message: "位置坐标不在有效范围内"))
            }
        case (nil, nil):
            if requiresLocation || grid == nil {
                errors.append(FieldError(field: "latitude", code: "required", message: "请提供位置坐标"))
            }
        default:
            errors.append(FieldError(field: "latitude", code: "required", message: "请同时提供纬度和经度"))
        }
        let note = InputRules.text(self.note) ?? ""
        if note.count > 500 { errors.append(.tooLong("note", label: "备注", max: 500)) }
        guard errors.isEmpty, let name, let kind, let address else { throw .validation(errors) }
        return ValidatedSite(name: name, kind: kind, gridCode: grid, address: address, location: location, note: note)
    }
}

/// A place or thing that passed validation; its grid may still have to come from its location.
public struct ValidatedSite<Kind: ChineseNamedKind>: Sendable, Equatable {
    public let name: String
    public let kind: Kind
    public let gridCode: AreaCode?
    public let address: String
    public let location: Coordinate?
    public let note: String
}
