import FengqiaoServices
import Hummingbird
import Logging
import Mustache
import ServiceLifecycle

/// Builds the web application: middleware, routes, views. Jobs and the database's lifetime are
/// the caller's (the `serve` command adds them to the same service group).
/// `onListening` runs once the server accepts connections.
public func buildApplication(
    platform: Platform, configuration: WebConfiguration, services: [any Service] = [],
    onListening: @escaping @Sendable () async -> Void = {}
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(platform: platform, configuration: configuration)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Fengqiao"),
        onServerRunning: { _ in await onListening() },
        logger: platform.logger
    )
    for service in services { app.addServices(service) }
    return app
}

/// The router with every route and middleware; tests drive it directly.
public func buildRouter(
    platform: Platform, configuration: WebConfiguration = WebConfiguration()
) async throws -> Router<AppRequestContext> {
    try await buildRoutes(platform: platform, configuration: configuration).router
}

/// Every route the application answers, as `METHOD /path/{parameter}` (the access-matrix test checks
/// that each has an entry in its oracle).
public func registeredRoutes(platform: Platform, configuration: WebConfiguration = WebConfiguration()) async throws
    -> [String]
{
    try await buildRoutes(platform: platform, configuration: configuration).registered
}

private func buildRoutes(platform: Platform, configuration: WebConfiguration) async throws -> RouteTable {
    let authentication = Authentication(platform: platform)
    let views = try await Views.load()
    let metrics = PrometheusMetrics.shared
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestLogMiddleware()
        SecurityHeadersMiddleware(behindTLS: configuration.secureCookies)
        LocaleMiddleware<AppRequestContext>()
        ProblemMiddleware(views: views)
        MetricsMiddleware()
        BodyLimitMiddleware()
        TokenAuthMiddleware(tokens: ApiTokens(platform: platform))
        SessionMiddleware(authentication: authentication)
        InboxBadgeMiddleware(inbox: Inbox(platform: platform))
    }
    var routes = RouteTable(router: router)
    let reportGate = ReportGate(limits: configuration.reportLimits, clock: platform.clock)
    HealthRoutes(platform: platform, metrics: metrics).add(to: &routes)
    HomeRoutes(platform: platform, views: views).add(to: &routes)
    TrackingRoutes(platform: platform, views: views, secureCookies: configuration.secureCookies, gate: reportGate)
        .add(to: &routes)
    ReportAPIRoutes(platform: platform, gate: reportGate).add(to: &routes)
    CaseRoutes(platform: platform).add(to: &routes)
    CaseDuplicateRoutes(platform: platform).add(to: &routes)
    CaseAttachmentRoutes(platform: platform).add(to: &routes)
    SessionRoutes(authentication: authentication, views: views, secureCookies: configuration.secureCookies)
        .add(to: &routes)
    AreaRoutes(platform: platform, views: views).add(to: &routes)
    StaffingRoutes(platform: platform, views: views).add(to: &routes)
    AreaEditingRoutes(platform: platform, views: views).add(to: &routes)
    PeopleRoutes(platform: platform, views: views).add(to: &routes)
    OrganizationRoutes(platform: platform).add(to: &routes)
    CenterRoutes(platform: platform).add(to: &routes)
    TransferRoutes(platform: platform, views: views).add(to: &routes)
    SiteRoutes(platform: platform).add(to: &routes)
    TokenRoutes(platform: platform, views: views).add(to: &routes)
    SearchRoutes(platform: platform, views: views).add(to: &routes)
    LanguageRoutes(secureCookies: configuration.secureCookies).add(to: &routes)
    ReportFormRoutes(platform: platform, views: views, secureCookies: configuration.secureCookies, gate: reportGate)
        .add(to: &routes)
    ContactCardRoutes(platform: platform, views: views, publicURL: configuration.publicURL).add(to: &routes)
    TwoFactorRoutes(platform: platform, views: views, secureCookies: configuration.secureCookies).add(to: &routes)
    SecurityPolicyRoutes(platform: platform, views: views).add(to: &routes)
    AccountAdminRoutes(platform: platform, views: views).add(to: &routes)
    AuditRoutes(platform: platform, views: views).add(to: &routes)
    CaseListRoutes(platform: platform, views: views).add(to: &routes)
    TodoRoutes(platform: platform, views: views).add(to: &routes)
    CaseCategoryRoutes(platform: platform, views: views).add(to: &routes)
    CalendarRoutes(platform: platform, views: views).add(to: &routes)
    InboxRoutes(platform: platform, views: views).add(to: &routes)
    OutboxRoutes(platform: platform, views: views).add(to: &routes)
    CasePolicyRoutes(platform: platform, views: views).add(to: &routes)
    CameraRoutes(platform: platform, views: views).add(to: &routes)
    CameraAlertRoutes(platform: platform, views: views).add(to: &routes)
    RiskWarningRoutes(platform: platform, views: views).add(to: &routes)
    RiskRuleRoutes(platform: platform, views: views).add(to: &routes)
    DeskRoutes(platform: platform, views: views, publicURL: configuration.publicURL).add(to: &routes)
    GridReportRoutes(platform: platform).add(to: &routes)
    GridAppRoutes().add(to: &routes)
    GridAppAPIRoutes(platform: platform).add(to: &routes)
    HotlineRoutes(platform: platform, views: views).add(to: &routes)
    MediationRoutes(platform: platform).add(to: &routes)
    MediationCaseRoutes(platform: platform).add(to: &routes)
    MediationPageRoutes(platform: platform, views: views).add(to: &routes)
    MediationCasePageRoutes(platform: platform, views: views).add(to: &routes)
    CasePageRoutes(platform: platform, views: views).add(to: &routes)
    MediatorPageRoutes(platform: platform, views: views).add(to: &routes)
    PetitionRoutes(platform: platform, views: views).add(to: &routes)
    PetitionAPIRoutes(platform: platform, views: views).add(to: &routes)
    FigureRoutes(platform: platform, views: views).add(to: &routes)
    DashboardRoutes(platform: platform, views: views).add(to: &routes)
    MediationOutcomeRoutes(platform: platform, views: views).add(to: &routes)
    MediationOutcomePageRoutes(platform: platform, views: views).add(to: &routes)
    WorkReportRoutes(platform: platform, views: views).add(to: &routes)
    SurveyRoutes(platform: platform, views: views).add(to: &routes)
    PortalRoutes(platform: platform, views: views).add(to: &routes)
    LegalServiceRoutes(platform: platform, views: views, secureCookies: configuration.secureCookies, gate: reportGate)
        .add(to: &routes)
    NoticeAdminRoutes(platform: platform, views: views).add(to: &routes)
    // Decisions on awards, deductions and appeals score their period again (and a month's quarter) after they commit,
    // when it was scored before.
    let assessments = Assessments(platform: platform)
    let assessmentRecompute: AssessmentRecompute = { period, kind in try await assessments.recompute(periodKey: period, kind: kind) }
    AssessmentAwardRoutes(platform: platform, views: views, recompute: assessmentRecompute).add(to: &routes)
    AssessmentDeductionRoutes(platform: platform, views: views, recompute: assessmentRecompute).add(to: &routes)
    AssessmentAppealRoutes(platform: platform, views: views, recompute: assessmentRecompute).add(to: &routes)
    GridCardPhoneRoutes(platform: platform, views: views).add(to: &routes)
    Open311Routes(platform: platform).add(to: &routes)
    WebhookRoutes(platform: platform, views: views).add(to: &routes)
    OpenAPIRoutes().add(to: &routes)
    GridListRoutes(platform: platform).add(to: &routes)
    AssessmentRoutes(platform: platform, views: views, assessments: assessments).add(to: &routes)
    AssessmentBulletinRoutes(platform: platform, views: views, assessments: assessments).add(to: &routes)
    AssessmentTemplateRoutes(platform: platform, views: views, assessments: assessments).add(to: &routes)
    AssessmentIndicatorRoutes(platform: platform, views: views).add(to: &routes)
    ReportedValueRoutes(platform: platform, views: views, recompute: assessmentRecompute).add(to: &routes)
    StaticRoutes().add(to: &routes)
    routes.refuseOtherMethods()
    return routes
}
