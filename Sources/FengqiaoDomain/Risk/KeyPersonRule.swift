import Foundation

/// 重点人员: a case involving a person with a sensitive tag raises the tag's level.
public struct KeyPersonRule: Sendable, Hashable, Codable {
    public var enabled: Bool
    public var tags: [PersonTag: RiskLevel]

    public init(enabled: Bool = true, tags: [PersonTag: RiskLevel]) {
        self.enabled = enabled
        self.tags = tags
    }

    public func problems(field: String) -> [FieldError] {
        tags.keys.filter { !$0.isSensitive }.sorted { $0.rawValue < $1.rawValue }.map {
            FieldError(field: "\(field).tags", code: "invalid_choice", message: "「\($0.chineseName)」不是重点人群标签")
        }
    }
}
