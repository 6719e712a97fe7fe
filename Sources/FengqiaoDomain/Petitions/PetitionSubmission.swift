import Foundation

/// A petition as the petition officer registered it (form or JSON), before checking. Numbers and times
/// stay text, so that checking, not parsing, names what is wrong.
public struct PetitionSubmission: Sendable, Codable, Equatable {
    /// One petitioner (信访人); for a collective visit, the representatives.
    public struct Petitioner: Sendable, Codable, Equatable {
        public var name: String?
        /// 公民身份号码: required for the first petitioner (real-name petitions), optional for the others.
        public var idNumber: String?
        public var phone: String?

        public init(name: String? = nil, idNumber: String? = nil, phone: String? = nil) {
            self.name = name
            self.idNumber = idNumber
            self.phone = phone
        }

        /// Whether the row was left empty (the form offers a few rows).
        var isBlank: Bool { [name, idNumber, phone].allSatisfy { InputRules.text($0) == nil } }
    }

    /// `letter` | `visit` | `call` | `online` (or 来信 / 来访 / 来电 / 网上信访).
    public var form: String?
    /// When the petition was received: `yyyy-MM-ddTHH:mm` (Beijing time) or ISO 8601 with a zone; now when empty.
    public var receivedAt: String?
    /// 人次: how many people came (a visit); for other forms how many signed, at least the petitioners listed.
    public var persons: String?
    public var petitioners: [Petitioner]
    /// 信访事项 (the matter and the request).
    public var description: String?
    /// A category code of the case category tree (`dispute.wages`) or its name.
    public var category: String?
    /// The grid the matter lies in.
    public var gridCode: String?
    public var address: String?
    /// 被反映单位: the organ or department complained about.
    public var respondentOrgan: String?
    /// The username of the first responder (首接责任人), when not the officer registering it.
    public var firstResponder: String?

    public init(
        form: String? = nil, receivedAt: String? = nil, persons: String? = nil, petitioners: [Petitioner] = [],
        description: String? = nil, category: String? = nil, gridCode: String? = nil, address: String? = nil,
        respondentOrgan: String? = nil, firstResponder: String? = nil
    ) {
        self.form = form
        self.receivedAt = receivedAt
        self.persons = persons
        self.petitioners = petitioners
        self.description = description
        self.category = category
        self.gridCode = gridCode
        self.address = address
        self.respondentOrgan = respondentOrgan
        self.firstResponder = firstResponder
    }

    public static let maximumPetitioners = 10
    public static let maximumPersons = 9_999
    /// 集体访: five or more people visiting about one matter.
    public static let collectiveThreshold = 5
    public static let descriptionLimit = ReportSubmission.descriptionLimit
    public static let organLimit = 60
    /// How far back a receipt may lie: 366 days, as for any staff registration.
    public static let oldest: TimeInterval = 366 * 86_400

    private enum CodingKeys: String, CodingKey {
        case form, receivedAt, persons, petitioners, description, category, gridCode, address, respondentOrgan
        case firstResponder
    }

    /// `persons` may come as a JSON number or as text.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.decodeIfPresent(String.self, forKey: .form)
        receivedAt = try c.decodeIfPresent(String.self, forKey: .receivedAt)
        if let number = try? c.decodeIfPresent(Int.self, forKey: .persons) {
            persons = String(number)
        } else {
            persons = try c.decodeIfPresent(String.self, forKey: .persons)
        }
        petitioners = try c.decodeIfPresent([Petitioner].self, forKey: .petitioners) ?? []
        description = try c.decodeIfPresent(String.self, forKey: .description)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        gridCode = try c.decodeIfPresent(String.self, forKey: .gridCode)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        respondentOrgan = try c.decodeIfPresent(String.self, forKey: .respondentOrgan)
        firstResponder = try c.decodeIfPresent(String.self, forKey: .firstResponder)
    }

    /// Checks every field but the category and the first responder (the services look those up) and lists
    /// every problem at once.
    public func validate(now: Date) throws(DomainError) -> ValidatedPetition {
        var errors: [FieldError] = []
        var form: PetitionForm?
        if let raw = InputRules.text(self.form) {
            form = PetitionForm(codeOrChineseName: raw)
            if form == nil {
                errors.append(FieldError(field: "form", code: "invalid_choice", message: "信访形式应为来信、来访、来电或网上信访"))
            }
        } else {
            errors.append(.required("form", label: "信访形式"))
        }

        var receivedAt: Date?
        if let raw = InputRules.text(self.receivedAt) {
            if let time = IntakeDetailsSubmission.moment(raw) {
                if time > now {
                    errors.append(FieldError(field: "receivedAt", code: "in_future", message: "收到时间不能晚于当前时间"))
                } else if time < now.addingTimeInterval(-Self.oldest) {
                    errors.append(FieldError(field: "receivedAt", code: "too_old", message: "收到时间不能早于一年前"))
                } else {
                    receivedAt = time
                }
            } else {
                errors.append(FieldError(field: "receivedAt", code: "invalid_format", message: "收到时间格式不正确,应如 2026-03-01T09:30"))
            }
        }

        let petitioners = checkedPetitioners(&errors)

        var persons = max(1, petitioners.count)
        if let raw = InputRules.text(self.persons) {
            if let n = Int(raw), (1...Self.maximumPersons).contains(n) {
                if n < petitioners.count {
                    errors.append(FieldError(field: "persons", code: "too_few",
                                             message: "人数不能少于登记的信访人数(\(petitioners.count)人)"))
                }
                persons = n
            } else {
                errors.append(FieldError(field: "persons", code: "out_of_range",
                                         message: "人数应为1至\(Self.maximumPersons)之间的整数"))
            }
        } else if form == .visit {
            errors.append(.required("persons", label: "来访人数"))
        }

        let description = InputRules.text(self.description)
        if let text = description {
            if text.count < 5 {
                errors.append(FieldError(field: "description", code: "too_short", message: "请把信访事项写具体一些(至少5个字)"))
            } else if text.count > Self.descriptionLimit {
                errors.append(.tooLong("description", label: "信访事项", max: Self.descriptionLimit))
            }
        } else {
            errors.append(.required("description", label: "信访事项"))
        }
        let grid = InputRules.gridCode(gridCode, errors: &errors)
        let address = InputRules.text(self.address)
        if let text = address, text.count > 200 { errors.append(.tooLong("address", label: "地址", max: 200)) }
        let organ = InputRules.text(respondentOrgan)
        if let text = organ, text.count > Self.organLimit {
            errors.append(.tooLong("respondentOrgan", label: "被反映单位", max: Self.organLimit))
        }
        let responder = InputRules.text(firstResponder)
        if let text = responder, text.count > 60 { errors.append(.tooLong("firstResponder", label: "首接责任人账号", max: 60)) }

        guard errors.isEmpty, let form, let description, let grid else { throw .validation(errors) }
        return ValidatedPetition(
            form: form, receivedAt: receivedAt, persons: persons, petitioners: petitioners, description: description,
            category: InputRules.text(category), gridCode: grid.rawValue, address: address, respondentOrgan: organ,
            firstResponder: responder)
    }

    /// The rows that are not blank, checked; field names keep the rows' positions in the submission.
    private func checkedPetitioners(_ errors: inout [FieldError]) -> [ValidatedPetition.Petitioner] {
        let rows = petitioners.enumerated().filter { !$0.element.isBlank }
        if rows.isEmpty {
            errors.append(FieldError(field: "petitioners[0].name", code: "required", message: "请填写信访人姓名"))
            return []
        }
        if rows.count > Self.maximumPetitioners {
            errors.append(FieldError(field: "petitioners", code: "too_many",
                                     message: "每件信访最多登记\(Self.maximumPetitioners)名信访人(集体访登记代表)"))
        }
        var result: [ValidatedPetition.Petitioner] = []
        var seen: Set<String> = []
        for (position, (index, row)) in rows.prefix(Self.maximumPetitioners).enumerated() {
            let field = "petitioners[\(index)]"
            let name = InputRules.required(row.name, field: field + ".name", label: "信访人姓名", max: 30, errors: &errors)
            var idNumber: ResidentIdentityNumber?
            if let raw = InputRules.text(row.idNumber) {
                idNumber = ResidentIdentityNumber(raw)
                if let id = idNumber {
                    if !seen.insert(id.rawValue).inserted {
                        errors.append(FieldError(field: field + ".idNumber", code: "duplicate", message: "同一信访人不能重复登记"))
                    }
                } else {
                    errors.append(FieldError(field: field + ".idNumber", code: "invalid_format",
                                             message: "公民身份号码格式不正确(18位,末位校验码须正确)"))
                }
            } else if position == 0 {
                errors.append(FieldError(field: field + ".idNumber", code: "required", message: "请填写信访人的公民身份号码"))
            }
            var phone: PhoneNumber?
            if let raw = InputRules.text(row.phone) {
                phone = PhoneNumber(raw)
                if phone == nil {
                    errors.append(FieldError(field: field + ".phone", code: "invalid_format",
                                             message: "联系电话格式不正确(手机11位,固话如0472-1234567)"))
                }
            }
            if let name { result.append(.init(name: name, idNumber: idNumber, phone: phone)) }
        }
        return result
    }
}
