import Foundation

/// What an API token lets a machine do (Open311 clients, hotline imports, camera alerts, webhooks).
/// The raw values are the stable names typed on the command line and stored in `api_tokens.scope`
/// (space-separated). Each scope stands for a few permissions; none may ever stand for account
/// administration, granting roles or the audit log (三权分立 belongs to people, not machines).
public enum ApiScope: String, Sendable, Codable, CaseIterable {
    /// Areas, grids, centres and posts.
    case mapRead = "map.read"
    /// Residents, organisations, places and things, identifiers masked.
    case baseDataRead = "basedata.read"
    /// Importing residents and organisations from files (not the map itself).
    case importData = "import"
    /// Reporting cases: hotline, Open311 intake.
    case casesReport = "cases.report"
    /// Reading cases.
    case casesRead = "cases.read"
    /// Sending camera alerts (AI视频预警) from an algorithm platform, and nothing else.
    case alertsWrite = "alerts.write"

    public var permissions: Set<Permission> {
        switch self {
        case .mapRead: [.viewMap]
        case .baseDataRead: [.viewMap, .viewBaseData]
        case .importData: [.viewMap, .importData, .editBaseData]
        case .casesReport: [.acceptCases]
        case .casesRead: [.viewMap, .viewCases]
        case .alertsWrite: [.reportCameraAlerts]
        }
    }

    public var chineseName: String {
        switch self {
        case .mapRead: "查看地图"
        case .baseDataRead: "读取基础数据(脱敏)"
        case .importData: "导入人口和组织"
        case .casesReport: "上报事件(热线、Open311)"
        case .casesRead: "查看事件"
        case .alertsWrite: "推送视频预警(AI摄像头算法平台)"
        }
    }

    /// Permissions no token may carry, whatever a scope is made to mean later.
    /// Configuring the case engine is a person's decision too.
    public static let forbiddenPermissions: Set<Permission> = [
        .manageAccounts, .grantRoles, .readAuditLog, .ownSignIn, .configureCases, .manageNotifications,
    ]

    /// The scopes named in `values` (each may itself hold several names separated by spaces or
    /// commas), in a set. An unknown name, a scope that would reach a forbidden permission, or no
    /// scope at all is a validation error on `field`.
    public static func parse(_ values: [String], field: String = "scope") throws(DomainError) -> Set<ApiScope> {
        let names = values.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }) }
        var scopes = Set<ApiScope>()
        var errors: [FieldError] = []
        for name in names {
            guard let scope = ApiScope(rawValue: String(name)) else {
                errors.append(FieldError(
                    field: field, code: "invalid_choice",
                    message: "未知的权限范围“\(name.prefix(40))”,可选:\(allCases.map(\.rawValue).joined(separator: "、"))"))
                continue
            }
            guard scope.permissions.isDisjoint(with: forbiddenPermissions) else {
                errors.append(FieldError(field: field, code: "forbidden_scope",
                                         message: "令牌不能用于账号管理、授权或审计日志"))
                continue
            }
            scopes.insert(scope)
        }
        if errors.isEmpty, scopes.isEmpty {
            errors.append(FieldError(field: field, code: "required", message: "请至少选择一个权限范围"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return scopes
    }

    /// The stored form: names in declaration order, separated by single spaces.
    public static func stored(_ scopes: Set<ApiScope>) -> String {
        allCases.filter(scopes.contains).map(\.rawValue).joined(separator: " ")
    }

    /// The scopes of a stored value; names no longer known are dropped (they grant nothing).
    public static func scopes(stored: String) -> Set<ApiScope> {
        Set(stored.split(separator: " ").compactMap { ApiScope(rawValue: String($0)) })
    }

    /// What a set of scopes lets a token do, never including a forbidden permission.
    public static func permissions(of scopes: Set<ApiScope>) -> Set<Permission> {
        scopes.reduce(into: Set<Permission>()) { $0.formUnion($1.permissions) }.subtracting(forbiddenPermissions)
    }
}
