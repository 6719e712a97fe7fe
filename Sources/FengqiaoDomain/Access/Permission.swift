import Foundation

/// What a role may do. Roles map to permissions in one table (`Role.permissions`); services ask for
/// a permission, never for a role, so a new role is one line in that table.
public enum Permission: String, Sendable, Codable, CaseIterable {
    /// See areas, grids, centres, departments and staff posts in the jurisdiction.
    case viewMap
    /// Draw and re-draw areas and grids, set up centres, departments, rosters and posts.
    case editMap
    /// See residents, households, organisations, places and things (identifiers masked).
    case viewBaseData
    /// Add and change base data.
    case editBaseData
    /// See an identifier unmasked (身份证号, phone); every reveal is audited.
    case revealIdentifiers
    /// See tags such as 重点人员 or 社区矫正对象.
    case viewSensitiveTags
    /// Import areas, residents or organisations from files.
    case importData
    /// Export lists to files; every export is audited.
    case exportData
    /// See cases in the jurisdiction.
    case viewCases
    /// Register and accept cases (受理, 立案).
    case acceptCases
    /// Dispatch cases to departments (指挥派遣).
    case dispatchCases
    /// Handle cases assigned to one's department or grid.
    case handleCases
    /// Run mediations.
    case mediate
    /// Keep the mediation registry: add and change mediation organisations and mediators (never delete).
    case manageMediation
    /// Receive petitions (信访接待).
    case receivePetitions
    /// Supervise (督办, 催办) cases.
    case superviseCases
    /// Score departments, townships and grid workers: run the scoring, decide awards, deductions and appeals,
    /// edit templates, run satisfaction surveys.
    case assess
    /// See scores, rankings and bulletins inside the jurisdiction (a department's staff: their department's), and for
    /// one's own unit request highlight awards and file appeals.
    case viewAssessment
    /// Create, disable and reset accounts (三权分立: not grant roles).
    case manageAccounts
    /// Grant roles and set security policies.
    case grantRoles
    /// Read and export the audit log.
    case readAuditLog
    /// Edit the case category tree, the holiday calendar and SLA presets: configuration, not case
    /// content, so the system admin holds it without reading a single case (三权分立).
    case configureCases
    /// See the notification outbox (pending, failed, skipped deliveries) and send a row again: running
    /// the platform, not reading cases.
    case manageNotifications
    /// Look after one's own sign-in (two-factor enrolment): every person has it, no machine token.
    case ownSignIn
    /// Send algorithm events from cameras (AI视频预警) to `/api/v1/camera-alerts`: held by machines only
    /// (the `alerts.write` scope), never by a role.
    case reportCameraAlerts
}
