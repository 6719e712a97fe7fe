import Foundation

/// A public notice (公告) as staff write it: title, body, the area it is for, the day it is published and
/// an optional last day it is shown. `validate` checks every field at once.
public struct NoticeDraft: Sendable, Equatable {
    public var title: String?
    public var body: String?
    public var areaCode: String?
    public var publishDay: String?
    public var expiryDay: String?

    public static let titleLimit = 60
    public static let bodyLimit = 4000

    public init(title: String? = nil, body: String? = nil, areaCode: String? = nil, publishDay: String? = nil,
                expiryDay: String? = nil) {
        self.title = title
        self.body = body
        self.areaCode = areaCode
        self.publishDay = publishDay
        self.expiryDay = expiryDay
    }

    public struct Valid: Sendable, Equatable {
        public var title: String
        public var body: String
        public var areaCode: AreaCode
        public var publishDay: CivilDate
        public var expiryDay: CivilDate?
    }

    public func validate() throws(DomainError) -> Valid {
        var errors: [FieldError] = []
        func text(_ value: String?) -> String? {
            guard let t = value?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        let title = text(self.title)
        if title == nil { errors.append(.required("title", label: "标题")) }
        if let title, title.count > Self.titleLimit { errors.append(.tooLong("title", label: "标题", max: Self.titleLimit)) }
        let body = text(self.body)
        if body == nil { errors.append(.required("body", label: "正文")) }
        if let body, body.count > Self.bodyLimit { errors.append(.tooLong("body", label: "正文", max: Self.bodyLimit)) }
        var area: AreaCode?
        if let raw = text(areaCode) {
            area = AreaCode(raw)
            if area == nil { errors.append(FieldError(field: "areaCode", code: "unknown", message: "辖区内没有该地区")) }
        } else {
            errors.append(FieldError(field: "areaCode", code: "required", message: "请选择公告的地区"))
        }
        let publish = CivilDate.field(publishDay, field: "publishDay", label: "发布日期", errors: &errors)
        var expiry: CivilDate?
        if text(expiryDay) != nil {
            expiry = CivilDate.field(expiryDay, field: "expiryDay", label: "截止日期", errors: &errors)
            if let expiry, let publish, expiry < publish {
                errors.append(FieldError(field: "expiryDay", code: "out_of_range", message: "截止日期不能早于发布日期"))
            }
        }
        guard errors.isEmpty, let title, let body, let area, let publish else { throw .validation(errors) }
        return Valid(title: title, body: body, areaCode: area, publishDay: publish, expiryDay: expiry)
    }
}
