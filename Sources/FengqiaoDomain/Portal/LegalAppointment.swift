import Foundation

/// A resident's request for an appointment with the legal services desk, as the portal's form sends it.
/// `validate` checks every field at once; the service turns it into a report on the web channel.
public struct LegalAppointment: Sendable, Equatable {
    public var service: String?
    public var name: String?
    public var phone: String?
    public var preferredDay: String?
    public var matter: String?
    public var areaCode: String?

    public static let matterLimit = 500

    public init(service: String? = nil, name: String? = nil, phone: String? = nil, preferredDay: String? = nil,
                matter: String? = nil, areaCode: String? = nil) {
        self.service = service
        self.name = name
        self.phone = phone
        self.preferredDay = preferredDay
        self.matter = matter
        self.areaCode = areaCode
    }

    public struct Valid: Sendable, Equatable {
        public var service: LegalService
        public var name: String
        public var phone: PhoneNumber
        public var preferredDay: CivilDate
        public var matter: String
        public var areaCode: AreaCode

        /// The case description: what the desk needs to call the resident back.
        public var description: String {
            "【预约\(service.chineseName)】希望办理日期:\(preferredDay)。事项:\(matter)"
        }
    }

    /// The appointment, or every problem with it; `today` is the Beijing day (the preferred day is from
    /// today to 60 days ahead).
    public func validate(today: CivilDate) throws(DomainError) -> Valid {
        var errors: [FieldError] = []
        func text(_ value: String?) -> String? {
            guard let t = value?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        var chosen: LegalService?
        if let raw = text(service) {
            chosen = LegalService(rawValue: raw)
            if chosen == nil {
                errors.append(FieldError(field: "service", code: "invalid_choice", message: "服务项目不在可选范围内"))
            }
        } else {
            errors.append(FieldError(field: "service", code: "required", message: "请选择服务项目"))
        }
        let name = text(self.name)
        if name == nil { errors.append(.required("name", label: "姓名")) }
        if let name, name.count > 30 { errors.append(.tooLong("name", label: "姓名", max: 30)) }
        var number: PhoneNumber?
        if let raw = text(phone) {
            number = PhoneNumber(raw)
            if number == nil { errors.append(.invalid("phone", label: "联系电话")) }
        } else {
            errors.append(.required("phone", label: "联系电话"))
        }
        let day = CivilDate.field(preferredDay, field: "preferredDay", label: "希望办理日期", errors: &errors)
        if let day, day < today || today.adding(days: 60) < day {
            errors.append(FieldError(field: "preferredDay", code: "out_of_range",
                                     message: "希望办理日期应在今天到60天之内"))
        }
        let matter = text(self.matter)
        if let matter {
            if matter.count < 5 {
                errors.append(FieldError(field: "matter", code: "too_short", message: "请把事项说得具体一些(至少5个字)"))
            }
            if matter.count > Self.matterLimit { errors.append(.tooLong("matter", label: "事项简述", max: Self.matterLimit)) }
        } else {
            errors.append(.required("matter", label: "事项简述"))
        }
        var area: AreaCode?
        if let raw = text(areaCode) {
            area = AreaCode(raw)
            if area == nil { errors.append(FieldError(field: "areaCode", code: "unknown", message: "所在地区不存在")) }
        } else {
            errors.append(FieldError(field: "areaCode", code: "required", message: "请选择所在乡镇(街道)或村(社区)"))
        }
        guard errors.isEmpty, let chosen, let name, let number, let day, let matter, let area else {
            throw .validation(errors)
        }
        return Valid(service: chosen, name: name, phone: number, preferredDay: day, matter: matter, areaCode: area)
    }
}
