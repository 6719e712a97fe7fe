import Foundation

/// A quick correction of a resident from the field (基础数据随手改): a new phone number and care tags to add.
/// Tags are only added (a grid worker does not see every tag a person carries, so cannot replace them);
/// sensitive tags need `viewSensitiveTags`.
public struct PersonQuickUpdate: Sendable, Codable, Equatable {
    public var phone: String?
    public var addTags: [String]?

    public init(phone: String? = nil, addTags: [String]? = nil) {
        self.phone = phone
        self.addTags = addTags
    }

    public func validate(permissions: Set<Permission>) throws(DomainError) -> (phone: PhoneNumber?, tags: [PersonTag]) {
        var errors: [FieldError] = []
        var phone: PhoneNumber?
        if let raw = InputRules.text(self.phone) {
            phone = PhoneNumber(raw)
            if phone == nil { errors.append(.invalid("phone", label: "联系电话")) }
        }
        var tags: [PersonTag] = []
        for (index, raw) in (addTags ?? []).enumerated() where InputRules.text(raw) != nil {
            do {
                let tag = try PersonTag(parsing: raw, field: "addTags[\(index)]")
                if tag.isSensitive, !permissions.contains(.viewSensitiveTags) {
                    errors.append(FieldError(field: "addTags[\(index)]", code: "not_allowed", message: "您的角色不能添加“\(tag.chineseName)”标签"))
                } else if !tags.contains(tag) {
                    tags.append(tag)
                }
            } catch { errors.append(error) }
        }
        if errors.isEmpty, phone == nil, tags.isEmpty {
            errors.append(FieldError(field: "phone", code: "required", message: "请填写新的联系电话或要添加的标签"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return (phone, tags)
    }
}
