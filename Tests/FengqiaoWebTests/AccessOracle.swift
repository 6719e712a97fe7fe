import FengqiaoDomain
import Foundation

/// The access rule of every route, written down independently of the code that enforces it. The
/// matrix test derives the expected outcome for each role and scope from this table alone.
enum AccessOracle {
    enum Rule: Equatable {
        /// Anyone, signed in or not (residents, probes).
        case open
        /// Staff whose role has at least one of the permissions.
        case needsAny([Permission])
        /// Staff whose role has every one of the permissions.
        case needs([Permission])
        /// People (never API tokens) whose role has at least one of the permissions.
        case personAny([Permission])
        /// Not run by the matrix (the reason is in the table).
        case exempt
    }

    /// The object whose scope decides the answer: in the path, the query or the body.
    enum Object: Equatable {
        case none, township, village, grid, gridPost, person, organization, department, token, account
        /// A message in the asking person's own inbox (inside) or in someone else's (outside).
        case inboxMessage
        /// A notification outbox row about a case in the area.
        case notification
        /// A 12345 work-order batch imported by a desk of the area.
        case hotlineBatch
        /// A case (by its number); the world's cases are rejected, so every command after authorisation is a 409.
        case caseFile
        /// A grid named in a form field of a new record: one outside answers as one that does not exist,
        /// 404 or the field error `gridCode`/`unknown` ("辖区内没有该网格"); a point given by coordinates, the
        /// field error `location`/`outside_grid` ("该位置不在您负责的网格内").
        case gridField
        /// A registered camera (by its id in the path).
        case camera
        /// A camera named in an alert's body: one outside answers the field error `cameraId`/`unknown`.
        case cameraField
        /// A queued camera alert (by its id); the first operator inside confirms it, so later decisions are 409.
        case cameraAlert
        /// A mediation organisation (by its id in the path, or `{mediationOrganization}` in a body: one outside
        /// answers the field error `organizationId`/`unknown`).
        case mediationOrganization
        /// A mediator (by its id in the path).
        case mediator
        /// A mediation case (by its number in the path; `{id}` is its referral, `{session}` its planned session).
        case mediationCase
        /// A petition (by its id in the path), accepted, so that its notice can be printed.
        case petition
        /// A risk warning filed at the village (by its number in the path); the first supervisor inside closes it.
        case warning
        /// A work report (日报) of the village, by its number in the path.
        case workReport
        /// A public notice (公告) of the village, by its id in the path.
        case notice
        /// A webhook subscription for the village (by its id), with a delivery waiting in the outbox (`{delivery}`).
        case webhook
        /// A pending request for highlight points (亮点工作加分) of the township (by its id).
        case award
        /// A 通报批评 deduction of the township (by its id), standing.
        case deduction
        /// A pending appeal (申诉) of the township (by its id).
        case appeal
        /// A satisfaction survey round of the township (by its id), with the number drawn there (`{item}`).
        case surveyRound
    }

    enum Body {
        case none
        case json(String)
        case form(String)
        case csv(String)
        case multipart([(String, String)])
    }

    struct Entry {
        var rule: Rule
        var object: Object = .none
        var query: String? = nil
        var body: Body = .none

        func expected(_ principal: AccessMatrixTests.Principal, scope: AccessWorld.Scope) -> AccessMatrixTests.Outcome {
            switch rule {
            case .open, .exempt: return .allowed
            case .needsAny(let permissions):
                guard let held = principal.permissions else { return .unauthenticated }
                guard !held.isDisjoint(with: permissions) else { return .forbidden }
                return scope == .outside && object != .none ? .hidden : .allowed
            case .personAny(let permissions):
                guard let held = principal.permissions else { return .unauthenticated }
                if case .token = principal { return .forbidden }
                guard !held.isDisjoint(with: permissions) else { return .forbidden }
                return scope == .outside && object != .none ? .hidden : .allowed
            case .needs(let permissions):
                guard let held = principal.permissions else { return .unauthenticated }
                guard held.isSuperset(of: permissions) else { return .forbidden }
                return scope == .outside && object != .none ? .hidden : .allowed
            }
        }
    }

    static func open(_ query: String? = nil, body: Body = .none) -> Entry { Entry(rule: .open, query: query, body: body) }
    static func needs(_ permission: Permission, _ object: Object = .none, query: String? = nil, body: Body = .none) -> Entry {
        Entry(rule: .needs([permission]), object: object, query: query, body: body)
    }
    static func needs(all permissions: [Permission], _ object: Object = .none, query: String? = nil, body: Body = .none)
        -> Entry
    {
        Entry(rule: .needs(permissions), object: object, query: query, body: body)
    }
    static let exempt = Entry(rule: .exempt)

    static let idNumber = ResidentIdentityNumber(division: "150207", birthDate: "19900101", sequence: 9)?.rawValue ?? ""
    static let creditCode = "91150207MA0N12349" + String(UnifiedSocialCreditCode.checkCharacter(forFirst17: "91150207MA0N12349") ?? "0")
    static let person = #"{"name":"李强","idNumber":"\#(idNumber)","gridCode":"{grid}","address":"阳光花园9栋"}"#
    static let organization = #"{"name":"某公司","creditCode":"\#(creditCode)","kind":"企业","gridCode":"{grid}","address":"某路"}"#
    static let place = #"{"name":"某超市","kind":"商超","gridCode":"{grid}","address":"某路1号","latitude":40.6,"longitude":109.8}"#
    static let emptyCSV = "姓名,公民身份号码,联系电话,网格编码,居住地址,标签\r\n"

    /// The official 2026 schedule as the calendar API takes it (2026 is the test clock's year, so it may be saved).
    static let schedule2026 = String(decoding: (try? JSONEncoder().encode(HolidaySchedule.official2026)) ?? Data(), as: UTF8.self)

    /// The case routes: reading, staff intake, and one POST per workflow command.
    static let caseEntries: [String: Entry] = {
        var entries: [String: Entry] = [
            "GET /api/v1/cases/{number}": needs(.viewCases, .caseFile),
            // The worklists (the department list is for department staff only; CaseWorklistRoutesTests covers it).
            "GET /api/v1/cases": needs(.viewCases, query: "list=all&limit=20"),
            "GET /api/v1/cases/counts": needs(.viewCases),
            "GET /api/v1/cases/ladder": needs(.viewCases, .village, query: "from=2026-01-01&to=2026-12-31&area={village}"),
            "POST /api/v1/cases": Entry(rule: .personAny([.acceptCases, .handleCases]), object: .gridField, body: .json(
                #"{"channel":"walkIn","kind":"dispute","description":"邻里纠纷来访","gridCode":"{grid}"}"#)),
            // Duplicate suggestions: a draft as whoever registers cases; a case as whoever reads it.
            "POST /api/v1/cases/duplicates": Entry(rule: .personAny([.acceptCases, .handleCases]), object: .gridField,
                body: .json(#"{"channel":"walkIn","kind":"dispute","description":"邻里纠纷来访","gridCode":"{grid}"}"#)),
            "GET /api/v1/cases/{number}/duplicates": needs(.viewCases, .caseFile),
            // Attachments: people who register or handle cases upload (the world's case is rejected, so 409);
            // whoever reads the case lists and downloads.
            "POST /api/v1/cases/{number}/attachments": Entry(rule: .personAny([.acceptCases, .handleCases]),
                object: .caseFile, body: .multipart([("file", "照片")])),
            "GET /api/v1/cases/{number}/attachments": needs(.viewCases, .caseFile),
            "GET /api/v1/cases/{number}/attachments/{attachment}": needs(.viewCases, .caseFile),
            // The reception desk, for people who take in cases (DeskRoutesTests covers the flow); the receipt of a
            // case outside the jurisdiction is "not found".
            "GET /desk": Entry(rule: .personAny([.acceptCases])),
            "POST /desk/preview": Entry(rule: .personAny([.acceptCases]), body: .form(
                "channel=walkIn&visitors=1&category={category}&description=邻里纠纷来访登记&gridCode={grid}")),
            "POST /desk/confirm": Entry(rule: .personAny([.acceptCases]), body: .form(
                "channel=walkIn&visitors=1&category={category}&description=邻里纠纷来访登记&gridCode={grid}&idempotencyKey=matrix")),
            "GET /desk/cases/{number}/receipt": Entry(rule: .personAny([.acceptCases]), object: .caseFile),
            // Grid workers' reports: a point outside the caller's grids is the field error location/outside_grid.
            "POST /api/v1/grid-reports": Entry(rule: .personAny([.handleCases]), object: .gridField, body: .json(
                #"{"latitude":{lat},"longitude":{lon},"category":"{category}","description":"楼道堆放杂物,影响通行"}"#)),
        ]
        // Who may issue each command, from the reference table in shared/domain/case-workflow.md (a role needs
        // one of the permissions; the workflow then checks state, tier, department and grid).
        let commands: [(String, [Permission])] = [
            ("accept", [.acceptCases, .mediate]), ("reject", [.acceptCases]), ("merge", [.acceptCases]),
            ("split", [.acceptCases]), ("close", [.acceptCases]), ("revisit", [.acceptCases]),
            ("withdraw", [.acceptCases]), ("resolve-on-site", [.handleCases, .mediate]),
            ("add-progress", [.handleCases, .mediate]), ("dispatch", [.dispatchCases]),
            ("rule-on-return", [.dispatchCases]), ("whistle", [.dispatchCases]), ("approve-extension", [.dispatchCases]),
            ("deny-extension", [.dispatchCases]), ("sign-for", [.handleCases]), ("return", [.handleCases]),
            ("request-extension", [.handleCases]), ("feedback", [.handleCases]), ("escalate", [.dispatchCases, .mediate]),
            ("record-attempt", [.mediate, .handleCases]), ("check-in", [.handleCases, .dispatchCases]),
            ("verify", [.handleCases, .dispatchCases]), ("respond-to-supervision", [.handleCases, .dispatchCases]),
            ("supervise", [.superviseCases]),
        ]
        for (command, permissions) in commands {
            entries["POST /api/v1/cases/{number}/" + command] = Entry(
                rule: .personAny(permissions), object: .caseFile, body: .json("{}"))
            // The case page's form for the same command: the same rule (the world's case is rejected, so an
            // authorised form re-renders the page with the engine's refusal).
            entries["POST /cases/{number}/" + command] = Entry(
                rule: .personAny(permissions), object: .caseFile, body: .form("reason=x"))
        }
        // The staff case page and its audited reveal of the contacts' phones.
        entries["GET /cases/{number}"] = needs(.viewCases, .caseFile)
        entries["POST /cases/{number}/reveal"] = needs(.revealIdentifiers, .caseFile, body: .form(""))
        return entries
    }()

    static let entries: [String: Entry] = caseEntries.merging(baseEntries) { a, _ in a }.merging(alertEntries) { a, _ in a }
        .merging(mediationEntries) { a, _ in a }.merging(mediationOutcomeEntries) { a, _ in a }
        .merging(petitionEntries) { a, _ in a }.merging(figureEntries) { a, _ in a }.merging(warningEntries) { a, _ in a }
        .merging(workReportEntries) { a, _ in a }.merging(assessmentEntries) { a, _ in a }.merging(gridAppEntries) { a, _ in a }.merging(open311Entries) { a, _ in a }
        .merging(assessmentAdjustmentEntries) { a, _ in a }
        .merging(surveyEntries) { a, _ in a }

    /// Open311 GeoReport v2: reading is public; posting is authorised by the `api_key` form field alone (no
    /// session, no bearer header), which the matrix does not send — Open311RoutesTests covers every refusal.
    static let open311Entries: [String: Entry] = {
        var entries: [String: Entry] = [:]
        for ext in ["json", "xml"] {
            entries["GET /open311/v2/services.\(ext)"] = open()
            entries["GET /open311/v2/services/{category}.\(ext)"] = open()
            entries["GET /open311/v2/requests.\(ext)"] = open()
            entries["GET /open311/v2/tokens/{trackingCode}.\(ext)"] = open()
            entries["GET /open311/v2/servicerequestupdates.\(ext)"] = open()
            // The world's cases are registered by staff, so none is a public request (404 to everyone).
            entries["GET /open311/v2/requests/{number}.\(ext)"] = exempt
            entries["POST /open311/v2/requests.\(ext)"] = exempt
        }
        return entries
    }()

    /// Work reports (工作报告): read by whoever sees warnings (never a token), made on demand by those who supervise
    /// or accept cases; a report or an area outside the jurisdiction is "not found".
    static let workReportEntries: [String: Entry] = {
        let readers = Rule.personAny([.superviseCases, .acceptCases, .mediate, .receivePetitions])
        let makers = Rule.personAny([.superviseCases, .acceptCases])
        return [
            "GET /reports": Entry(rule: readers),
            "GET /api/v1/work-reports": Entry(rule: readers),
            "GET /reports/new": Entry(rule: makers),
            "POST /reports": Entry(rule: makers, object: .village, body: .form("kind=daily&from=2026-03-02&area={code}")),
            "GET /reports/{number}": Entry(rule: readers, object: .workReport),
            "GET /reports/{number}.pdf": Entry(rule: readers, object: .workReport),
            "GET /reports/{number}.xlsx": Entry(rule: readers, object: .workReport),
            "GET /api/v1/work-reports/{number}": Entry(rule: readers, object: .workReport),
        ]
    }()

    /// Risk warnings: the centre's operators, dispatchers, leaders, mediators and petition officers see those filed
    /// inside the jurisdiction (never a token); only a supervisor (superviseCases) acts on one it does not own.
    static let warningEntries: [String: Entry] = {
        let viewers = Rule.personAny([.superviseCases, .acceptCases, .mediate, .receivePetitions])
        let supervisors = Rule.personAny([.superviseCases])
        return [
            "GET /warnings": Entry(rule: viewers),
            "GET /api/v1/warnings": Entry(rule: viewers),
            "GET /warnings/{number}": Entry(rule: viewers, object: .warning),
            "GET /api/v1/warnings/{number}": Entry(rule: viewers, object: .warning),
            "POST /warnings/{number}/assign": Entry(rule: supervisors, object: .warning, body: .form("ownerId=0")),
            "POST /warnings/{number}/start": Entry(rule: supervisors, object: .warning, body: .form("")),
            "POST /warnings/{number}/close": Entry(rule: supervisors, object: .warning, body: .form("measures=矩阵处置")),
            "POST /api/v1/warnings/{number}/assign": Entry(rule: supervisors, object: .warning, body: .json(#"{"ownerId":0}"#)),
            "POST /api/v1/warnings/{number}/start": Entry(rule: supervisors, object: .warning, body: .json("{}")),
            "POST /api/v1/warnings/{number}/close": Entry(rule: supervisors, object: .warning,
                                                          body: .json(#"{"measures":"矩阵处置"}"#)),
        ]
    }()

    static let baseEntries: [String: Entry] = [
        // Probes, static files and the public side.
        "GET /healthz": open(), "GET /readyz": open(), "GET /metrics": open(), "GET /static/app.css": open(),
        "GET /": open(), "GET /login": open(), "GET /report": open(), "GET /track": open(),
        // The residents' portal.
        "GET /portal": open(), "GET /portal/grid": open("township={township}&village={village}&grid={grid}"),
        "GET /portal/notices": open("area={village}"), "GET /portal/legal": open(),
        // The appointment form (double-submit form like /report): PortalRoutesTests covers it.
        "POST /portal/legal": exempt,
        "POST /api/v1/reports": open(body: .json(#"{"kind":"dispute","description":"楼道堆物","latitude":40.605,"longitude":109.805}"#)),
        "GET /api/v1/reports/{trackingCode}": open(),
        // Double-submit forms and the session itself: SessionRoutesTests and ReportFormTests cover them.
        "POST /login": exempt, "POST /logout": exempt, "POST /report": exempt,
        // The resident's rating (double-submit form, by tracking code): TrackingRatingTests covers it.
        "POST /track/rating": exempt,
        "GET /static/report.css": open(), "GET /static/report.js": open(), "GET /static/dashboard.css": open(),
        "GET /static/reports.css": open(), "GET /api/openapi.json": open(),
        // The footer's language switch (a display preference in a cookie): StringCatalogTests covers it.
        "GET /language": open("lang=en&back=/"),

        // The map.
        "GET /areas": needs(.viewMap),
        "GET /areas/{code}": needs(.viewMap, .village),
        "GET /areas/{code}/card": needs(.viewMap, .grid),
        "GET /areas/{code}/public-card": needs(.editMap, .grid),
        "POST /areas/{code}/public-card": needs(.editMap, .grid, body: .form("post=partTime&accountId=0&phone=04711234567")),
        "GET /areas/{code}/history": needs(.viewMap, .village),
        "GET /areas/{code}/staffing": needs(.viewMap, .village),
        "GET /api/v1/areas/{code}": needs(.viewMap, .village),
        "GET /api/v1/areas/{code}/history": needs(.viewMap, .village),
        "GET /api/v1/areas/{code}/staffing": needs(.viewMap, .village),
        "GET /api/v1/grids/{code}": needs(.viewMap, .grid),
        "GET /api/v1/grids": needs(.viewMap, .village, query: "area={code}"),
        "GET /api/v1/locate": needs(.viewMap, .grid, query: "lat={lat}&lon={lon}"),
        "POST /areas/{code}/edit": needs(.editMap, .village, body: .form("name=康乐新区")),
        "POST /areas/{code}/posts": needs(.editMap, .grid, body: .form("post=partTime&username={holder}_1")),
        "POST /areas/{code}/center": needs(.editMap, .township, body: .form("action=center&name=中心&address=某路&hotline=12345")),
        "POST /api/v1/areas/{code}/rename": needs(.editMap, .village, body: .json(#"{"name":"康乐新区"}"#)),
        "PUT /api/v1/areas/{code}/boundary": needs(.editMap, .grid, body: .json("{}")),
        "POST /api/v1/areas/{code}/children": needs(.editMap, .village, body: .json("{}")),
        "POST /api/v1/areas/{code}/split": needs(.editMap, .grid, body: .json("{}")),
        "POST /api/v1/areas/{code}/move": needs(.editMap, .village, body: .json(#"{"parentCode":"{township}"}"#)),
        "POST /api/v1/areas/merge": needs(.editMap, .grid, body: .json(#"{"codes":["{grid}"],"name":"合并网格"}"#)),
        "PUT /api/v1/areas/{code}/center": needs(.editMap, .township, body: .json(#"{"name":"中心","address":"某路","hotline":"12345"}"#)),
        "POST /api/v1/areas/{code}/departments": needs(.editMap, .township, body: .json(#"{"code":"court","name":"法庭","stationing":"常驻"}"#)),
        "PUT /api/v1/departments/{id}/stationing": needs(.editMap, .department, body: .json(#"{"stationing":"轮驻"}"#)),
        "POST /api/v1/departments/{id}/roster": needs(.editMap, .department, body: .json("{}")),
        "POST /api/v1/grids/{code}/posts": needs(.editMap, .grid, body: .json(#"{"post":"partTime","username":"{holder}_1"}"#)),
        "DELETE /api/v1/grids/{code}/posts/{post}/{accountId}": needs(.editMap, .gridPost),

        // Base data.
        // The global search: cases, mediations and base data, each section for who may see it.
        "GET /search": Entry(rule: .needsAny([.viewCases, .viewBaseData]), query: "q=王芳"),
        "GET /api/v1/search": Entry(rule: .needsAny([.viewCases, .viewBaseData]), query: "q=王芳"),
        "GET /people": needs(.viewBaseData, .village, query: "area={village}"),
        "GET /people/{id}": needs(.viewBaseData, .person),
        "POST /people": needs(.editBaseData, .gridField, body: .form("name=李强&idNumber=\(idNumber)&gridCode={grid}&address=某路")),
        "POST /people/{id}/reveal": needs(.revealIdentifiers, .person),
        "GET /api/v1/people": needs(.viewBaseData, .village, query: "area={village}"),
        "POST /api/v1/people": needs(.editBaseData, .gridField, body: .json(person)),
        "GET /api/v1/people/{id}": needs(.viewBaseData, .person),
        "PUT /api/v1/people/{id}": needs(.editBaseData, .person, body: .json(person)),
        "POST /api/v1/people/{id}/reveal": needs(.revealIdentifiers, .person),
        "GET /api/v1/organizations": needs(.viewBaseData, query: "q=康乐"),
        "GET /api/v1/organizations/{id}": needs(.viewBaseData, .organization),
        "POST /api/v1/organizations": needs(.editBaseData, .gridField, body: .json(organization)),
        "GET /api/v1/places": needs(.viewBaseData, query: "q=超市"),
        "POST /api/v1/places": needs(.editBaseData, .gridField, body: .json(place)),
        "POST /api/v1/things": needs(.editBaseData, .gridField, body: .json(#"{"name":"消防栓","kind":"消防栓","gridCode":"{grid}","address":"某路","latitude":40.6,"longitude":109.8}"#)),

        // Files in and out.
        "GET /imports": needs(.importData),
        "POST /imports": needs(all: [.importData, .editBaseData], body: .multipart([("kind", "people"), ("file", emptyCSV)])),
        "POST /api/v1/imports/people": needs(all: [.importData, .editBaseData], query: "filename=rows.csv", body: .csv(emptyCSV)),
        "POST /api/v1/imports/organizations": needs(all: [.importData, .editBaseData], query: "filename=rows.csv", body: .csv("名称,统一社会信用代码,类型,网格编码,地址\r\n")),
        "POST /api/v1/imports/areas": needs(all: [.importData, .editMap], body: .multipart([("file", "代码,名称,上级代码,层级\r\n")])),
        "GET /api/v1/exports/{list}": needs(.exportData, .village, query: "area={village}"),

        // Machine tokens (the area a new token covers is a form field; ApiTokensTests covers its scope).
        "GET /admin/tokens": needs(.grantRoles),
        "POST /admin/tokens": needs(.grantRoles, body: .form("name=热线对接&scope.map.read=on&area={village}")),
        "POST /admin/tokens/{id}/revoke": needs(.grantRoles, .token),

        // Two-factor sign-in: the step pages belong to half-open sessions (TwoFactorRoutesTests); enrolment is
        // anyone's own business.
        "GET /login/totp": exempt, "POST /login/totp": exempt,
        "GET /account/totp": needs(.ownSignIn),
        "POST /account/totp": needs(.ownSignIn, body: .form("code=000000")),
        "POST /account/totp/disable": needs(.ownSignIn, body: .form("code=000000")),
        "GET /admin/security": needs(.grantRoles),
        "POST /admin/security": needs(.grantRoles, body: .form("minimumLength=4")),

        // The audit log: the auditor's alone.
        "GET /audit": needs(.readAuditLog),
        "GET /audit/export.xlsx": needs(.readAuditLog),

        // The case list, its export (exportData on top of viewCases) and the 待办 home; an area outside answers 404.
        "GET /cases": needs(.viewCases, .village, query: "area={village}"),
        "GET /cases/export.xlsx": needs(all: [.viewCases, .exportData], .village, query: "area={village}"),
        "GET /todo": needs(.viewCases),

        // Configuring the case engine: the category tree, the holiday calendar and the case rules. Configuration is the system
        // admin's (configureCases); staff who see cases read the tree and the calendar. No area is involved.
        "GET /api/v1/case-categories": Entry(rule: .needsAny([.viewCases, .configureCases])),
        "POST /api/v1/case-categories": needs(.configureCases, body: .json(#"{"kind":"dispute","name":"矩阵分类"}"#)),
        "PATCH /api/v1/case-categories/{category}": needs(.configureCases, body: .json(#"{"position":2}"#)),
        "PUT /api/v1/case-categories/{category}": needs(.configureCases, body: .json(#"{"name":"邻里纠纷","active":true}"#)),
        "GET /admin/case-categories": needs(.configureCases),
        "GET /admin/notices": Entry(rule: .personAny([.acceptCases, .superviseCases])),
        "POST /admin/notices": Entry(rule: .personAny([.acceptCases, .superviseCases]), body: .form(
            "title=矩阵新公告&body=正文&areaCode={village}&publishDay=2026-03-01")),
        "GET /admin/notices/{id}": Entry(rule: .personAny([.acceptCases, .superviseCases]), object: .notice),
        "POST /admin/notices/{id}": Entry(rule: .personAny([.acceptCases, .superviseCases]), object: .notice, body: .form(
            "title=矩阵公告&body=正文&areaCode={village}&publishDay=2026-03-01")),
        "POST /admin/notices/{id}/publish": Entry(rule: .personAny([.acceptCases, .superviseCases]), object: .notice,
                                                  body: .form("")),
        "POST /admin/notices/{id}/withdraw": Entry(rule: .personAny([.acceptCases, .superviseCases]), object: .notice,
                                                   body: .form("")),
        "POST /admin/case-categories": needs(.configureCases, body: .form("kind=suggestion&name=矩阵表单分类")),
        "POST /admin/case-categories/{category}": needs(.configureCases, body: .form("action=move&position=1")),
        "GET /api/v1/calendar": Entry(rule: .needsAny([.viewCases, .configureCases])),
        "GET /api/v1/calendar/{year}": Entry(rule: .needsAny([.viewCases, .configureCases])),
        "PUT /api/v1/calendar/{year}": needs(.configureCases, body: .json(schedule2026)),
        "GET /admin/calendar": needs(.configureCases),
        "POST /admin/calendar": needs(.configureCases, body: .multipart([("schedule", schedule2026)])),
        "GET /admin/case-policy": needs(.configureCases),
        "POST /admin/case-policy": needs(.configureCases, body: .form("reopenLimit=2")),
        // Risk-warning rules per area: an area outside the jurisdiction answers 404.
        "GET /admin/risk-rules": needs(.configureCases, .village, query: "area={village}"),
        "POST /admin/risk-rules": needs(.configureCases, .village, body: .form("area={village}&cluster.windowDays=30")),
        "POST /admin/risk-rules/reset": needs(.configureCases, .village, body: .form("area={village}")),

        // Accounts under 三权分立: the system admin runs the lifecycle, the security admin grants.
        "GET /admin/accounts": Entry(rule: .needsAny([.manageAccounts, .grantRoles])),
        "GET /admin/accounts/{id}": Entry(rule: .needsAny([.manageAccounts, .grantRoles]), object: .account),
        "GET /admin/accounts/new": needs(.manageAccounts),
        "POST /admin/accounts/new": needs(.manageAccounts, body: .form(
            "username=new.{holder}&displayName=新同事&role=gridWorker&areaCode={village}&password=New-Passw0rd!")),
        "POST /admin/accounts/{id}/disable": needs(.manageAccounts, .account),
        "POST /admin/accounts/{id}/enable": needs(.manageAccounts, .account),
        "POST /admin/accounts/{id}/password": needs(.manageAccounts, .account, body: .form("password=New-Passw0rd!")),
        "POST /admin/accounts/{id}/grant": needs(.grantRoles, .account, body: .form("role=gridWorker&areaCode={village}")),

        // The in-app inbox is every person's own (no machine has one); someone else's message reads as missing.
        "GET /inbox": needs(.ownSignIn),
        "GET /api/v1/inbox": needs(.ownSignIn),
        "POST /inbox/read-all": needs(.ownSignIn),
        "POST /inbox/{id}/read": needs(.ownSignIn, .inboxMessage),
        // The notification outbox: the system admin runs it (manageNotifications), scoped by the rows' areas.
        "GET /admin/outbox": needs(.manageNotifications),
        "POST /admin/outbox/{id}/retry": needs(.manageNotifications, .notification),
        "GET /admin/webhooks": needs(.manageNotifications),
        "POST /admin/webhooks": needs(.manageNotifications, body: .form("name=矩阵订阅&url=https://hooks.example.cn/m&area={village}")),
        "GET /admin/webhooks/{id}": needs(.manageNotifications, .webhook),
        "POST /admin/webhooks/{id}/deliveries/{delivery}/retry": needs(.manageNotifications, .webhook, body: .form("")),
        // Disabling succeeds once, then answers 409 (still "allowed" to the matrix).
        "POST /admin/webhooks/{id}/disable": needs(.manageNotifications, .webhook, body: .form("")),

        // The 12345 hotline desk: importing work orders registers cases (importData with acceptCases); a batch
        // imported in another township reads as missing. Tokens need both scopes, which no matrix token has.
        "GET /hotline": needs(all: [.importData, .acceptCases]),
        "POST /hotline": needs(all: [.importData, .acceptCases], body: .multipart([("file", "工单编号,来电时间,诉求内容\r\n")])),
        "POST /hotline/profiles": needs(all: [.importData, .acceptCases], body: .form(
            "name=矩阵方案&names.workOrderNumber=编号&names.calledAt=时间&names.content=内容")),
        "POST /hotline/types": needs(all: [.importData, .acceptCases], body: .form("types=%E4%BE%9B%E7%83%AD%3D%E4%BE%9B%E6%9A%96%E9%97%AE%E9%A2%98&fallback=")),
        "GET /hotline/batches/{id}/errors": needs(all: [.importData, .acceptCases], .hotlineBatch, query: "format=csv"),
        "GET /hotline/status-export": needs(all: [.importData, .acceptCases], query: "from=2026-11-01&to=2026-11-23"),
        "POST /api/v1/hotline/batches": needs(all: [.importData, .acceptCases], body: .json(
            #"[{"工单编号":"M-{grid}","来电时间":"2026-11-20 09:00","诉求内容":"矩阵测试的工单内容","地址":"康乐社区第1网格","诉求类型":"噪音扰民"}]"#)),
    ]

    static let alertEntries: [String: Entry] = [
        // AI-camera alerts: only a token with alerts.write sends them, for cameras in its area.
        "POST /api/v1/camera-alerts": Entry(rule: .needs([.reportCameraAlerts]), object: .cameraField, body: .json(
            #"{"eventId":"matrix-{camera}","cameraId":"{camera}","eventType":"illegalParking","occurredAt":"2026-11-23T09:55:00+08:00","confidence":0.5}"#)),
        // The camera registry and the alert rules are configuration (configureCases); the list is for whoever
        // sees cases and for the alert platforms.
        "GET /api/v1/cameras": Entry(rule: .needsAny([.configureCases, .viewCases, .reportCameraAlerts])),
        "GET /admin/cameras": needs(.configureCases),
        "POST /admin/cameras": needs(.configureCases, .gridField, body: .form("code=MATRIX-{grid}&name=矩阵摄像头&gridCode={grid}&active=on")),
        "POST /admin/cameras/{id}": needs(.configureCases, .camera, body: .form("name=矩阵改名&gridCode={grid}&active=on")),
        "GET /admin/alert-rules": needs(.configureCases),
        "POST /admin/alert-rules/{type}": needs(.configureCases, body: .form("threshold=0.6&urgency=critical&windowMinutes=30")),
        // The operators' queue: people who register cases, never a machine.
        "GET /alerts": Entry(rule: .personAny([.acceptCases])),
        "GET /api/v1/camera-alerts": Entry(rule: .personAny([.acceptCases])),
        "GET /api/v1/camera-alerts/{id}": Entry(rule: .personAny([.acceptCases]), object: .cameraAlert),
        "GET /alerts/{id}/snapshot": Entry(rule: .personAny([.acceptCases]), object: .cameraAlert),
        "POST /api/v1/camera-alerts/{id}/confirm": Entry(rule: .personAny([.acceptCases]), object: .cameraAlert, body: .json("{}")),
        "POST /api/v1/camera-alerts/{id}/dismiss": Entry(rule: .personAny([.acceptCases]), object: .cameraAlert,
                                                         body: .json(#"{"reason":"矩阵误报"}"#)),
        "POST /alerts/{id}/confirm": Entry(rule: .personAny([.acceptCases]), object: .cameraAlert),
        "POST /alerts/{id}/dismiss": Entry(rule: .personAny([.acceptCases]), object: .cameraAlert, body: .form("reason=矩阵误报")),
    ]

    /// 信访调解统计: whoever sees cases reads the figures of an area of their jurisdiction.
    static let figureEntries: [String: Entry] = [
        "GET /figures": needs(.viewCases, .township, query: "area={township}"),
        "GET /figures/items": needs(.viewCases, .township, query: "figure=petitionBatches&area={township}"),
        "GET /api/v1/figures": needs(.viewCases, .township, query: "area={township}"),
        "GET /api/v1/figures/items": needs(.viewCases, .township, query: "figure=mediationsReceived&area={township}"),
        // 指挥中心驾驶舱: whoever sees cases reads the board of an area of their jurisdiction.
        "GET /dashboard": needs(.viewCases, .township, query: "area={township}"),
        "GET /dashboard/wall": needs(.viewCases, .township, query: "area={township}"),
        "GET /api/v1/dashboard": needs(.viewCases, .township, query: "area={township}"),
    ]

    /// The mediation registry: whoever sees cases reads it and asks for suggestions; manageMediation keeps it.
    static let mediationEntries: [String: Entry] = [
        "GET /api/v1/mediation/organizations": needs(.viewCases),
        "POST /api/v1/mediation/organizations": needs(.manageMediation, .village, body: .json(
            #"{"areaCode":"{village}","kind":"villageCommittee","name":"矩阵调委会","phone":"13800001111"}"#)),
        "POST /api/v1/mediation/organizations/{id}": needs(.manageMediation, .mediationOrganization, body: .json(
            #"{"areaCode":"{village}","kind":"villageCommittee","name":"矩阵改名"}"#)),
        "GET /api/v1/mediation/mediators": needs(.viewCases),
        "POST /api/v1/mediation/mediators": needs(.manageMediation, .mediationOrganization, body: .json(
            #"{"organizationId":{mediationOrganization},"name":"矩阵新人","specialties":["邻里"]}"#)),
        "POST /api/v1/mediation/mediators/{id}": needs(.manageMediation, .mediator, body: .json(
            #"{"name":"矩阵改名","specialties":["婚姻家庭"]}"#)),
        "GET /api/v1/mediation/suggestions": needs(.viewCases, .village, query: "specialty=neighbour&area={village}"),
        // Mediation cases: whoever sees cases reads; manageMediation opens and assigns; mediate holds sessions
        // and refers; either withdraws. The world's case is rejected, so 转调解 from it is a 409.
        "GET /api/v1/mediation/cases": needs(.viewCases),
        "POST /api/v1/mediation/cases": needs(.manageMediation, .mediationOrganization, body: .json(
            #"{"specialty":"neighbour","facts":"矩阵直接受理的纠纷","areaCode":"{village}","organizationId":{mediationOrganization},"parties":[{"side":"applicant","name":"甲"},{"side":"respondent","name":"乙"}]}"#)),
        "POST /api/v1/cases/{number}/mediation": needs(.manageMediation, .caseFile, body: .json(
            #"{"specialty":"neighbour","organizationId":{mediationOrganization}}"#)),
        "GET /api/v1/cases/{number}/mediations": needs(.viewCases, .caseFile),
        "GET /api/v1/mediation/cases/{number}": needs(.viewCases, .mediationCase),
        "GET /api/v1/mediation/cases/{number}/suggestions": needs(.viewCases, .mediationCase),
        "POST /api/v1/mediation/cases/{number}/mediator": needs(.manageMediation, .mediationCase, body: .json(#"{"mediatorId":{mediator}}"#)),
        "POST /api/v1/mediation/cases/{number}/withdraw": Entry(rule: .needsAny([.mediate, .manageMediation]),
            object: .mediationCase, body: .json(#"{"reason":"矩阵撤回"}"#)),
        "POST /api/v1/mediation/cases/{number}/parties": Entry(rule: .needsAny([.mediate, .manageMediation]),
            object: .mediationCase, body: .json(#"{"side":"respondent","name":"矩阵当事人"}"#)),
        "POST /api/v1/mediation/cases/{number}/sessions": needs(.mediate, .mediationCase, body: .json(
            #"{"at":"2026-12-02T09:00","place":"调解室","attendees":"双方"}"#)),
        "POST /api/v1/mediation/cases/{number}/sessions/{session}/outcome": needs(.mediate, .mediationCase, body: .json(
            #"{"outcome":"failed","notes":"未达成一致"}"#)),
        "POST /api/v1/mediation/cases/{number}/referrals": needs(.mediate, .mediationCase, body: .json(
            #"{"kind":"police","counterpart":"派出所"}"#)),
        "POST /api/v1/mediation/cases/{number}/referrals/{id}": needs(.mediate, .mediationCase, body: .json(#"{"action":"accept"}"#)),
        "GET /mediation": needs(.viewCases),
        "GET /mediation/new": needs(.manageMediation),
        "POST /mediation/new": needs(.manageMediation, .mediationOrganization, body: .form(
            "specialty=neighbour&facts=矩阵直接受理的纠纷&areaCode={village}&organizationId={mediationOrganization}&party0Side=applicant&party0Name=甲&party1Side=respondent&party1Name=乙")),
        "GET /mediation/cases/{number}": needs(.viewCases, .mediationCase),
        "POST /mediation/cases/{number}/mediator": needs(.manageMediation, .mediationCase, body: .form("mediatorId={mediator}")),
        "POST /mediation/cases/{number}/withdraw": Entry(rule: .needsAny([.mediate, .manageMediation]),
            object: .mediationCase, body: .form("reason=矩阵撤回")),
        "POST /mediation/cases/{number}/parties": Entry(rule: .needsAny([.mediate, .manageMediation]),
            object: .mediationCase, body: .form("side=respondent&name=矩阵当事人")),
        "POST /mediation/cases/{number}/sessions": needs(.mediate, .mediationCase, body: .form(
            "at=2026-12-02T09:00&place=调解室&attendees=双方")),
        "POST /mediation/cases/{number}/sessions/{session}/outcome": needs(.mediate, .mediationCase, body: .form(
            "outcome=failed&notes=未达成一致")),
        "POST /mediation/cases/{number}/referrals": needs(.mediate, .mediationCase, body: .form("kind=police&counterpart=派出所")),
        "POST /mediation/cases/{number}/referrals/{id}": needs(.mediate, .mediationCase, body: .form("action=accept")),
        "GET /mediation/mediators": needs(.viewCases),
        "POST /mediation/mediators": needs(.manageMediation, .mediationOrganization, body: .form(
            "organizationId={mediationOrganization}&name=矩阵新人&specialty_neighbour=on")),
        "POST /mediation/mediators/{id}": needs(.manageMediation, .mediator, body: .form(
            "organizationId={mediationOrganization}&name=矩阵调解员&specialty_neighbour=on&availability=available")),
        "GET /mediation/organizations": needs(.viewCases),
        "POST /mediation/organizations": needs(.manageMediation, .village,
                                               body: .form("areaCode={village}&kind=villageCommittee&name=矩阵调委会")),
        "POST /mediation/organizations/{id}": needs(.manageMediation, .mediationOrganization,
                                                    body: .form("areaCode={village}&kind=villageCommittee&name=矩阵改名&active=on")),
    ]

    /// Petition reception: whoever sees cases reads petitions and prints their documents inside the jurisdiction;
    /// people holding receivePetitions register and act on them (a grid outside is the field error gridCode/unknown);
    /// an extension is decided by superviseCases or receivePetitions; the reveal needs revealIdentifiers.
    static let petitionEntries: [String: Entry] = {
        let registration = "form=visit&persons=1&petitioners%5B0%5D.name=%E5%BC%A0%E4%BC%9F&petitioners%5B0%5D.idNumber=\(idNumber)"
            + "&description=矩阵测试的信访事项&category={category}&gridCode={grid}"
        let json = #"{"form":"visit","persons":1,"petitioners":[{"name":"张伟","idNumber":"\#(idNumber)"}],"#
            + #""description":"矩阵测试的信访事项","category":"{category}","gridCode":"{grid}"}"#
        var entries: [String: Entry] = [
            "GET /petitions": needs(.viewCases),
            "GET /petitions/new": Entry(rule: .personAny([.receivePetitions])),
            "POST /petitions": Entry(rule: .personAny([.receivePetitions]), object: .gridField, body: .form(registration)),
            "GET /petitions/{id}": needs(.viewCases, .petition),
            "POST /petitions/{id}/reveal": needs(.revealIdentifiers, .petition),
            "GET /petitions/{id}/documents/{document}": needs(.viewCases, .petition),
            "GET /api/v1/petitions": needs(.viewCases),
            "POST /api/v1/petitions": Entry(rule: .personAny([.receivePetitions]), object: .gridField, body: .json(json)),
            "GET /api/v1/petitions/{id}": needs(.viewCases, .petition),
            "POST /api/v1/petitions/{id}/reveal": needs(.revealIdentifiers, .petition),
            "GET /api/v1/petitions/{id}/documents/{document}": needs(.viewCases, .petition),
        ]
        let actions: [(String, [Permission], String, String)] = [
            ("decision", [.receivePetitions], "decision=accept&reason=矩阵", #"{"decision":"accept","reason":"矩阵"}"#),
            ("extension", [.receivePetitions], "days=10&reason=矩阵", #"{"days":10,"reason":"矩阵"}"#),
            ("extension/approve", [.superviseCases, .receivePetitions], "", "{}"),
            ("extension/deny", [.superviseCases, .receivePetitions], "reason=矩阵", #"{"reason":"矩阵"}"#),
            ("reply", [.receivePetitions], "reply=矩阵答复", #"{"reply":"矩阵答复"}"#),
            ("review", [.receivePetitions], "request=矩阵", #"{"request":"矩阵"}"#),
            ("review/opinion", [.receivePetitions], "result=upheld&opinion=矩阵", #"{"result":"upheld","opinion":"矩阵"}"#),
            ("re-review", [.receivePetitions], "request=矩阵", #"{"request":"矩阵"}"#),
            ("re-review/opinion", [.receivePetitions], "result=upheld&opinion=矩阵", #"{"result":"upheld","opinion":"矩阵"}"#),
        ]
        for (action, permissions, form, body) in actions {
            entries["POST /petitions/{id}/" + action] = Entry(rule: .personAny(permissions), object: .petition, body: .form(form))
            entries["POST /api/v1/petitions/{id}/" + action] = Entry(rule: .personAny(permissions), object: .petition,
                                                                    body: .json(body))
        }
        return entries
    }()
}
