import Foundation

/// A tag on a resident: either a care group (关爱人群) that grid workers visit and help, or a
/// sensitive group (重点人群) whose membership is itself personal data about health, crime or
/// petitions and is shown only to roles that need it.
public enum PersonTag: String, Sendable, Codable, ChineseNamedKind {
    // Care groups.
    case leftBehindChild, emptyNestElder, elderLivingAlone, disabledPerson, familyInHardship
    case subsistenceAllowance, veteran, pregnantOrPostpartum
    // Groups the grid keeps track of for services, not care.
    case floatingPopulation, partyMember
    // Sensitive groups.
    case keyPerson, communityCorrection, releasedPrisoner, drugUser, severeMentalDisorder, keyPetitioner

    public static let kindLabel = "人员标签"

    public var chineseName: String {
        switch self {
        case .leftBehindChild: "留守儿童"
        case .emptyNestElder: "空巢老人"
        case .elderLivingAlone: "独居老人"
        case .disabledPerson: "残障人士"
        case .familyInHardship: "困难家庭"
        case .subsistenceAllowance: "低保户"
        case .veteran: "退役军人"
        case .pregnantOrPostpartum: "孕产妇"
        case .floatingPopulation: "流动人口"
        case .partyMember: "党员"
        case .keyPerson: "重点人员"
        case .communityCorrection: "社区矫正对象"
        case .releasedPrisoner: "刑满释放人员"
        case .drugUser: "吸毒人员"
        case .severeMentalDisorder: "严重精神障碍患者"
        case .keyPetitioner: "重点信访人员"
        }
    }

    public var aliases: [String] {
        switch self {
        case .familyInHardship: ["贫困家庭"]
        case .disabledPerson: ["残疾人"]
        case .subsistenceAllowance: ["低保对象"]
        case .releasedPrisoner: ["安置帮教对象"]
        default: []
        }
    }

    /// Whether the tag reveals health, criminal-justice or petition history (重点人群).
    public var isSensitive: Bool {
        switch self {
        case .leftBehindChild, .emptyNestElder, .elderLivingAlone, .disabledPerson, .familyInHardship,
            .subsistenceAllowance, .veteran, .pregnantOrPostpartum, .floatingPopulation, .partyMember:
            false
        case .keyPerson, .communityCorrection, .releasedPrisoner, .drugUser, .severeMentalDisorder, .keyPetitioner:
            true
        }
    }

    /// The care groups, in display order.
    public static var careTags: [PersonTag] { allCases.filter { !$0.isSensitive } }

    /// The sensitive groups, in display order.
    public static var sensitiveTags: [PersonTag] { allCases.filter(\.isSensitive) }

    /// Whether `role` may see this tag. Derived from the permissions table so there is one place to
    /// change: care tags need `viewBaseData`, sensitive tags also `viewSensitiveTags` (today
    /// 网格长, 信访接待员 and 领导). Grid workers, intake and dispatch see care tags only; department
    /// handlers, assessors and the three administrators see no tags at all.
    public func isVisible(to role: Role) -> Bool { isVisible(with: role.permissions) }

    /// Whether a principal holding `permissions` (a role's, or an API token's) may see this tag.
    public func isVisible(with permissions: Set<Permission>) -> Bool {
        guard permissions.contains(.viewBaseData) else { return false }
        return !isSensitive || permissions.contains(.viewSensitiveTags)
    }

    /// The tags of `tags` that `role` may see, in their original order, without duplicates.
    public static func visibleTags(_ tags: some Sequence<PersonTag>, to role: Role) -> [PersonTag] {
        visibleTags(tags, with: role.permissions)
    }

    /// The tags of `tags` that a principal holding `permissions` may see, in order, without duplicates.
    public static func visibleTags(_ tags: some Sequence<PersonTag>, with permissions: Set<Permission>) -> [PersonTag] {
        var seen = Set<PersonTag>()
        return tags.filter { $0.isVisible(with: permissions) && seen.insert($0).inserted }
    }
}
