import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import SQLKit
import XCTest

/// The world the access matrix runs in: every role has an account answering for township A; each
/// kind of object exists once in township A ("inside") and once in township B ("outside").
struct AccessWorld {
    enum Scope: String { case inside, outside }

    static let townshipB = "150207002000"
    static let villageB = "150207002001"
    static let gridB = "150207002001001"
    static func username(_ role: Role) -> String { "m_\(role.rawValue)" }
    static func postHolder(_ role: Role?) -> String { "h_\(role?.rawValue ?? "nobody")" }

    struct Objects {
        var township, village, grid: String
        var point: (lat: Double, lon: Double)
        var person, organization, department, token, account: Int64
        /// A rejected case on this grid, and a photo attached to it before the rejection.
        var caseNumber: String
        var attachment: Int64
        /// Part-time post holders in this grid, one per role (each role's DELETE removes its own).
        var postHolders: [String: Int64]
        /// Inbox messages: inside, one per role's account (each marks its own); outside, one of someone else's.
        var inboxMessages: [String: Int64]
        /// A failed notification about this grid's case.
        var notification: Int64
        /// A camera in this grid, and a queued alert of it with a snapshot.
        var camera: Int64
        var cameraCode: String
        var cameraAlert: Int64
        /// A 12345 work-order batch imported by this township's desk, with an error report.
        var hotlineBatch: Int64
        /// A mediation organisation in this village, and a mediator of it.
        var mediationOrganization: Int64
        var mediator: Int64
        /// A mediation case opened directly in this grid (with its own case), with a planned session and
        /// a referral out.
        var mediationCase: String
        var mediationReferral: Int64
        /// An accepted petition on this grid.
        var petition: Int64
        /// A risk warning filed at the village, about the case.
        var warning: String
        /// A work report (日报) of the village.
        var workReport: String
        /// A draft public notice (公告) of the village.
        var notice: Int64 = 0
        /// A webhook subscription for the village, and a delivery of it waiting in the outbox.
        var webhook: Int64 = 0
        var webhookDelivery: Int64 = 0
        /// A pending highlight award request, a standing deduction and a pending appeal of the township.
        var award: Int64 = 0
        var awardFile: Int64 = 0
        var deduction: Int64 = 0
        var appeal: Int64 = 0
        /// A satisfaction survey round of this township (period 4 of 2026) and the one number it drew here.
        var surveyRound: Int64 = 0
        var surveyItem: Int64 = 0
    }

    let inside: Objects
    let outside: Objects
    let trackingCode: String

    func objects(_ scope: Scope) -> Objects { scope == .inside ? inside : outside }

    struct Request {
        var method: HTTPRequest.Method
        var uri: String
        var body: String?
        var contentType: String?
    }

    /// The request that exercises `route` ("METHOD /path/{param}") on the object of `scope`, as `role`.
    func request(_ route: String, _ entry: AccessOracle.Entry, _ scope: Scope, role: Role?) -> Request {  // role: whose post holder a DELETE removes
        let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
        let o = objects(scope)
        let objectID: Int64 = switch entry.object {
        case .organization: o.organization
        case .department: o.department
        case .token: o.token
        case .account: o.account
        case .inboxMessage: o.inboxMessages[role.map(Self.username) ?? ""] ?? o.inboxMessages["other"] ?? 0
        case .notification: o.notification
        case .camera: o.camera
        case .cameraAlert: o.cameraAlert
        case .hotlineBatch: o.hotlineBatch
        case .mediationOrganization: o.mediationOrganization
        case .mediator: o.mediator
        case .mediationCase: o.mediationReferral
        case .petition: o.petition
        case .notice: o.notice
        case .webhook: o.webhook
        case .award: o.award
        case .deduction: o.deduction
        case .appeal: o.appeal
        case .surveyRound: o.surveyRound
        default: o.person
        }
        let areaCode = switch entry.object {
        case .township: o.township
        case .grid, .gridPost, .gridField: o.grid
        default: o.village
        }
        let number = switch entry.object {
        case .mediationCase: o.mediationCase
        case .warning: o.warning
        case .workReport: o.workReport
        default: o.caseNumber
        }
        func fill(_ text: String) -> String {
            // The assessment's periods and templates.
            let periods = text.replacingOccurrences(of: "{month}", with: "2026-10")
                .replacingOccurrences(of: "{quarter}", with: "2026-Q3").replacingOccurrences(of: "{unitKind}", with: "grid_worker")
                .replacingOccurrences(of: "{periodKind}", with: "month")
            let places = periods.replacingOccurrences(of: "{camera}", with: o.cameraCode)
                .replacingOccurrences(of: "{session}", with: "1")
                .replacingOccurrences(of: "{mediator}", with: String(o.mediator))
                .replacingOccurrences(of: "{mediationOrganization}", with: String(o.mediationOrganization))
                .replacingOccurrences(of: "{document}", with: "notice")
            return places.replacingOccurrences(of: "{code}", with: areaCode)
                .replacingOccurrences(of: "{id}", with: String(objectID))
                .replacingOccurrences(of: "{post}", with: "partTime")
                .replacingOccurrences(of: "{accountId}", with: String(o.postHolders[Self.postHolder(role)] ?? 0))
                .replacingOccurrences(of: "{trackingCode}", with: trackingCode)
                .replacingOccurrences(of: "{number}", with: number)
                .replacingOccurrences(of: "{list}", with: "people.xlsx")
                .replacingOccurrences(of: "{category}", with: "dispute.neighbour")
                .replacingOccurrences(of: "{year}", with: "2026")
                .replacingOccurrences(of: "{grid}", with: o.grid)
                .replacingOccurrences(of: "{village}", with: o.village)
                .replacingOccurrences(of: "{township}", with: o.township)
                .replacingOccurrences(of: "{lat}", with: String(o.point.lat))
                .replacingOccurrences(of: "{lon}", with: String(o.point.lon))
                .replacingOccurrences(of: "{holder}", with: Self.postHolder(role))
        }
        let attachment = String(o.attachment)
        var uri = fill(parts[1]).replacingOccurrences(of: "{attachment}", with: attachment)
            .replacingOccurrences(of: "{type}", with: "smokeFire")
        uri = uri.replacingOccurrences(of: "{delivery}", with: String(o.webhookDelivery))
        uri = uri.replacingOccurrences(of: "{file}", with: String(o.awardFile))
        uri = uri.replacingOccurrences(of: "{item}", with: String(o.surveyItem))
        if let query = entry.query { uri += "?" + fill(query) }
        let method = HTTPRequest.Method(parts[0]) ?? .get
        switch entry.body {
        case .none: return Request(method: method, uri: uri)
        case .json(let text): return Request(method: method, uri: uri, body: fill(text), contentType: "application/json")
        case .form(let text):
            return Request(method: method, uri: uri, body: fill(text), contentType: "application/x-www-form-urlencoded")
        case .csv(let text): return Request(method: method, uri: uri, body: fill(text), contentType: "text/csv")
        case .multipart(let fields):
            let boundary = "AccessMatrixBoundary"
            let body = fields.map { name, value in
                let disposition = name == "file" ? #"form-data; name="file"; filename="rows.csv""# : #"form-data; name="\#(name)""#
                return "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n\r\n\(fill(value))\r\n"
            }.joined() + "--\(boundary)--\r\n"
            return Request(method: method, uri: uri, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
        }
    }

    static func make(_ platform: Platform) async throws -> AccessWorld {
        let db = platform.database
        try await SampleAreas.insert(into: db)
        try await db.write { db in
            try await AreaRepository(db).insert([
                AreaRecord(code: townshipB, parentCode: SampleAreas.county, level: "township", name: "麻池镇", createdAt: 0),
                AreaRecord(code: villageB, parentCode: townshipB, level: "village", name: "麻池村",
                           boundary: SampleAreas.rectangle(40.62, 109.80, 40.64, 109.82),
                           minLat: 40.62, minLon: 109.80, maxLat: 40.64, maxLon: 109.82, createdAt: 0),
                AreaRecord(code: gridB, parentCode: villageB, level: "grid", gridKind: "ordinary", name: "麻池村第1网格",
                           boundary: SampleAreas.rectangle(40.62, 109.80, 40.63, 109.81),
                           minLat: 40.62, minLon: 109.80, maxLat: 40.63, maxLon: 109.81, createdAt: 0),
            ])
        }
        for role in Role.allCases {
            try await TestAccounts.create(username(role), role: role, area: SampleAreas.township, in: db)
        }
        let setupID = try await TestAccounts.create("setup", role: .leader, area: SampleAreas.county, in: db)
        let county = try XCTUnwrap(AreaCode(SampleAreas.county))
        func caller(_ role: Role) -> Caller {
            Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备数据", role: role,
                                jurisdiction: Jurisdiction(root: county)),
                   ip: "test")
        }
        func objects(township: String, village: String, grid: String, point: (Double, Double), n: Int) async throws -> Objects {
            let person = try await ResidentRegistry(platform: platform).register(ResidentSubmission(
                name: "王芳", idNumber: ResidentIdentityNumber(division: "150207", birthDate: "19900101", sequence: n)?.rawValue,
                phone: "1380013800\(n)", gridCode: grid, address: "阳光花园\(n)栋"), caller: caller(.gridWorker))
            let base = "91150207MA0N1234\(n)"
            let credit = base + String(UnifiedSocialCreditCode.checkCharacter(forFirst17: base) ?? "0")
            let organization = try await OrganizationRegistry(platform: platform).register(OrganizationSubmission(
                name: "康乐物业\(n)", creditCode: credit, kind: "企业", gridCode: grid, address: "阳光花园"), caller: caller(.gridWorker))
            let department = try await CenterAdministration(platform: platform).addDepartment(
                areaCode: township, code: "court", name: "人民法庭", stationing: .resident, caller: caller(.leader))
            var holders: [String: Int64] = [:]
            for role in [nil] + Role.allCases.map(Optional.some) {
                let name = postHolder(role) + "_\(n)"
                holders[postHolder(role)] = try await TestAccounts.create(name, role: .gridWorker, area: grid, in: db)
                try await GridPostAdministration(platform: platform).assign(.partTime, gridCode: grid, username: name,
                                                                            caller: caller(.leader))
            }
            let token = try await ApiTokens(platform: platform).create(
                name: "对接\(n)", scopes: ["map.read"], area: village, by: .commandLine("test"))
            let account = try await TestAccounts.create("acct_\(n)", role: .gridWorker, area: grid, in: db)
            let engine = CaseEngine(platform: platform)
            let opened = try await engine.open(CaseOpening(channel: "walkIn", kind: "dispute", description: "邻里纠纷来访",
                                                           gridCode: grid), caller: caller(.dispatcher))
            let photo = try await CaseAttachments(platform: platform).upload(
                Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), filename: "现场.jpg", caseNumber: opened.number, caller: caller(.dispatcher))
            var rejection = CaseCommandBody()
            rejection.reason = "不属于受理范围"
            rejection.channel = "phone"
            _ = try await engine.perform(CaseCommandRequest(name: .reject, body: rejection), caseNumber: opened.number,
                                         caller: caller(.dispatcher))
            let caseID = try await db.read { try await CaseRepository($0).find(number: opened.number)?.id }
            let (messages, notification) = try await db.write { db -> ([String: Int64], Int64) in
                var messages: [String: Int64] = [:]
                let inbox = InboxRepository(db)
                let owners: [(String, Int64)] = n == 1 ? try await Role.allCases.asyncMap { role in
                    (username(role), try await AccountRepository(db).find(username: username(role))?.id ?? 0)
                } : [("other", account)]
                for (name, owner) in owners {
                    try await inbox.insert(InboxMessageRecord(accountId: owner, outboxId: nil, caseId: nil, kind: "notice",
                                                              title: "矩阵消息", body: "", createdAt: 0))
                    messages[name] = try await inbox.page(accountId: owner, before: nil, unreadOnly: false, limit: 1).first?.id
                }
                let outbox = NotificationOutboxRepository(db)
                try await outbox.enqueue(dedupeKey: "matrix-\(n)", channel: "sms", recipient: "grid:\(grid)", caseId: caseID,
                                         payload: "{}", at: 0)
                let row = try await db.select().column("id").from("notification_outbox").where("dedupe_key", .equal, "matrix-\(n)")
                    .first()?.decode(column: "id", as: Int64.self) ?? 0
                try await db.update("notification_outbox").set("state", to: "failed").set("last_error", to: "矩阵")
                    .where("id", .equal, row).run()
                return (messages, row)
            }
            let camera = try await CameraRegistry(platform: platform).register(
                CameraSubmission(code: "MATRIX-CAM-\(n)", name: "矩阵摄像头\(n)", gridCode: grid), caller: caller(.systemAdmin))
            let machine = Caller(staff: Staff.machine(tokenID: 0, name: "矩阵平台", scopes: [.alertsWrite],
                                                      jurisdiction: Jurisdiction(root: county)), ip: "test")
            let alert = try await CameraAlertIntake(platform: platform).receive(CameraAlertSubmission(
                eventId: "matrix-setup-\(n)", cameraId: camera.code, eventType: "illegalParking",
                occurredAt: "2026-11-23T09:50:00+08:00", confidence: 0.5,
                snapshot: Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]).base64EncodedString()), caller: machine)
            let desk = Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备数据", role: .dispatcher,
                                           jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(township)))), ip: "test")
            let batch = try await HotlineImport(platform: platform).run(
                data: Data("工单编号,来电时间,诉求内容\r\n,2026-11-20 09:00,矩阵\r\n".utf8), filename: "matrix.csv", caller: desk)
            let mediation = MediationRegistry(platform: platform)
            let mediationOrganization = try await mediation.createOrganization(MediationOrganizationSubmission(
                areaCode: village, kind: "villageCommittee", name: "矩阵调委会\(n)", phone: "1390000000\(n)"), caller: caller(.dispatcher))
            let mediator = try await mediation.createMediator(MediatorSubmission(
                organizationId: mediationOrganization.id, name: "矩阵调解员\(n)", specialties: ["邻里"]), caller: caller(.dispatcher))
            let mediations = MediationCases(platform: platform)
            let mediationCase = try await mediations.open(MediationOpeningSubmission(
                specialty: "邻里", facts: "矩阵调解纠纷事实", areaCode: grid, organizationId: mediationOrganization.id,
                parties: [.init(side: "applicant", name: "甲\(n)"), .init(side: "respondent", name: "乙\(n)")]),
                caller: caller(.dispatcher))
            _ = try await mediations.addSession(number: mediationCase.number, MediationSessionSubmission(
                at: "2026-12-01T09:00", place: "调解室", attendees: "双方"), caller: caller(.mediator))
            let referred = try await mediations.refer(number: mediationCase.number, MediationReferralSubmission(
                kind: "court", counterpart: "九原区人民法院"), caller: caller(.mediator))
            let officer = Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备数据",
                                              role: .petitionOfficer, jurisdiction: Jurisdiction(root: county)), ip: "test")
            let reception = PetitionReception(platform: platform)
            let petition = try await reception.register(PetitionSubmission(
                form: "visit", persons: "1", petitioners: [.init(name: "张伟", idNumber: AccessOracle.idNumber)],
                description: "矩阵测试的信访事项", category: "dispute.neighbour", gridCode: grid), caller: officer)
            _ = try await reception.decide(id: petition.id, PetitionDecisionSubmission(decision: "accept", reason: "矩阵"),
                                           caller: officer)
            let warning = try await db.write { sql in
                let repository = RiskRepository(sql)
                let ids = try await repository.insert([RiskWarningRecord(
                    number: "", rule: "cluster", level: "blue", subject: "matrix|\(n)", areaCode: village, summary: "矩阵预警",
                    measures: "[]", state: "new", caseCount: 1, raisedAt: 0, updatedAt: 0)], numberPrefix: "YJM\(n)")
                let id = ids["matrix|\(n)"] ?? 0
                try await repository.addCases([(warningId: id, caseId: caseID ?? 0)], at: 0)
                return "YJM\(n)" + String(format: "%06d", id)
            }
            let workReport = try await Reports(platform: platform).generate(
                ReportRequest(kind: "daily", area: village, from: "2026-03-01"), caller: caller(.dispatcher))
            let notice = try await PublicNotices(platform: platform).create(
                NoticeDraft(title: "矩阵公告", body: "矩阵公告正文", areaCode: village, publishDay: "2026-03-01"), publish: false,
                caller: caller(.dispatcher))
            let webhook = try await WebhookSubscriptions(platform: platform).create(
                name: "矩阵订阅\(n)", url: "https://hooks.example.cn/\(n)", events: [], area: village, by: .commandLine("test"))
            let webhookDelivery = try await db.write { sql -> Int64 in
                try await NotificationOutboxRepository(sql).enqueue(
                    dedupeKey: "webhook:\(webhook.id):matrix", channel: "subscription",
                    recipient: WebhookRepository.recipient(webhook.id), caseId: nil, payload: "{}", at: 0)
                return try await sql.select().column("id").from("notification_outbox")
                    .where("dedupe_key", .equal, "webhook:\(webhook.id):matrix").first()?.decode(column: "id", as: Int64.self) ?? 0
            }
            var objects = Objects(township: township, village: village, grid: grid, point: point, person: person.id,
                           organization: organization.id, department: department, token: token.id, account: account,
                           caseNumber: opened.number, attachment: photo.id, postHolders: holders,
                           inboxMessages: messages, notification: notification, camera: camera.id, cameraCode: camera.code,
                           cameraAlert: alert.alertId, hotlineBatch: batch.batchId ?? 0,
                           mediationOrganization: mediationOrganization.id, mediator: mediator.id,
                           mediationCase: mediationCase.number, mediationReferral: referred.referrals.first?.id ?? 0,
                           petition: petition.id, warning: warning, workReport: workReport.number)
            objects.notice = notice
            objects.webhook = webhook.id
            objects.webhookDelivery = webhookDelivery
            let townshipStaff = Caller(staff: Staff(accountID: setupID, username: "setup", displayName: "准备数据", role: .dispatcher,
                                                    jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(township)))), ip: "test")
            let noRecompute: AssessmentRecompute = { _, _ in }
            objects.award = try await HighlightAwards(platform: platform, recompute: noRecompute).request(AwardSubmission(
                period: "2026-11", points: "2", title: "矩阵亮点\(n)", description: "矩阵亮点工作的内容说明", evidence: "矩阵简报"),
                files: [AwardEvidenceUpload(data: Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), filename: "简报.jpg")], caller: townshipStaff)
            objects.awardFile = try await HighlightAwards(platform: platform, recompute: noRecompute)
                .view(id: objects.award, caller: townshipStaff).files.first?.id ?? 0
            objects.deduction = try await ScoreDeductions(platform: platform, recompute: noRecompute).record(DeductionSubmission(
                unit: "township:\(township)", period: "2026-11", points: "1", reason: "矩阵扣分", documentNumber: "矩阵通\(n)号"),
                caller: caller(.assessor))
            objects.appeal = try await ScoreAppeals(platform: platform, recompute: noRecompute).file(AppealSubmission(
                period: "2026-11", indicator: "overdue", reasons: "矩阵申诉的理由写满十个字"), caller: townshipStaff)
            let survey = try await SatisfactionSurveys(platform: platform).create(
                SurveyRoundSubmission(areaCode: township, year: "2026", period: "4", source: "residents", perTownship: "1"),
                seed: UInt64(n), caller: caller(.assessor))
            objects.surveyRound = survey.id
            objects.surveyItem = try await db.read { sql in
                try await sql.select().column("id").from("survey_items").where("round_id", .equal, survey.id).first()?
                    .decode(column: "id", as: Int64.self) ?? 0
            }
            return objects
        }
        let inside = try await objects(township: SampleAreas.township, village: SampleAreas.village, grid: SampleAreas.grid,
                                       point: (40.605, 109.805), n: 1)
        let outside = try await objects(township: townshipB, village: villageB, grid: gridB, point: (40.625, 109.805), n: 2)
        let receipt = try await ReportIntake(platform: platform).submit(ReportSubmission(
            kind: "dispute", description: "邻居装修噪音扰民", latitude: 40.605, longitude: 109.805))
        return AccessWorld(inside: inside, outside: outside, trackingCode: receipt.trackingCode)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
