import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Open311 GeoReport v2 (and FixMyStreet's `servicerequestupdates`): the services are the active
/// categories of the case tree; a request is a case. Reading is public and shows only cases filed
/// through public channels (the report page, QR codes, 随手拍, 五色袋 and Open311 itself), with public
/// fields only. Posting needs an API token with scope `cases.report` as `api_key`; the case is filed
/// on channel `open311`, inside the token's area. `jurisdiction_id` is a county's code (the twelve
/// digits or their first six); without it, the whole platform answers.
public struct Open311Endpoint: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The channels whose cases GeoReport lists: what residents sent in for everyone's attention.
    static let channels: [String] = (Channel.allCases.filter(\.isPublic) + [.open311]).map(\.rawValue)
    /// The most requests one answer lists, and the widest date range it covers (the spec's 90 days).
    public static let listLimit = 1000
    static let defaultSpan: TimeInterval = 90 * 86_400

    // MARK: Services

    public func services(jurisdiction: String?) async throws -> [Open311Service] {
        _ = try await areaPrefix(jurisdiction)
        let tree = try await CaseCategories(platform: platform).publicTree()
        return tree.kinds.flatMap { branch in
            branch.categories.map { category in
                Open311Service(
                    code: category.code, name: category.name, description: "\(branch.name) › \(category.name)",
                    metadata: true, type: "realtime", keywords: branch.kind.rawValue, group: branch.name)
            }
        }
    }

    /// The definition of active service `code`: its attributes.
    public func definition(code: String, jurisdiction: String?) async throws -> [Open311Attribute] {
        _ = try await areaPrefix(jurisdiction)
        let tree = try await CaseCategories(platform: platform).publicTree()
        guard tree.category(code: code) != nil else { throw DomainError.notFound(what: "服务 \(code)") }
        return Open311Attribute.standard
    }

    // MARK: Posting

    /// Files `submission` as a case for the holder of `apiKey`.
    public func submit(_ submission: Open311Submission, apiKey: String?, ip: String) async throws -> Open311Receipt {
        guard let apiKey, !apiKey.isEmpty else {
            throw DomainError.unauthenticated(code: "api_key_required", message: "提交服务请求须提供 api_key")
        }
        guard let staff = try await ApiTokens(platform: platform).resolve(token: apiKey) else {
            throw DomainError.unauthenticated(code: "invalid_api_key", message: "api_key 无效或已吊销")
        }
        guard staff.isMachine, staff.may(.acceptCases) else { throw DomainError.forbidden(permission: .acceptCases) }
        let caller = Caller(staff: staff, ip: ip)
        let prefix = try await areaPrefix(submission.jurisdiction)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let engine = CaseEngine(platform: platform)
        let setting = try await engine.openingSetting(now: now)
        let tree = try await CaseCategories(platform: platform).publicTree()
        var checked = try Self.check(submission, tree: tree, now: now)
        let filed = try CaseEngine.filing(checked.report, staff: staff, atlas: setting.atlas)
        guard filed.areaCode.hasPrefix(prefix) else {
            throw DomainError.validation([FieldError(field: "jurisdiction_id", code: "outside",
                                                     message: "请求的位置不在 jurisdiction_id 所指的区县内")])
        }
        checked.filedAt = filed
        let frozen = checked
        let record = try await platform.database.write { db in
            try await CaseRollupRepository.batching(in: db) {
                try await CaseEngine.insert(frozen, caller: caller, setting: setting, suggestsDuplicates: false, in: db).record
            }
        }
        let token = TrackingCode(record.trackingCode)?.description ?? record.trackingCode
        return Open311Receipt(
            requestId: record.number, token: token,
            notice: "已受理,案件编号\(record.number);凭查询码\(token)可查询办理进度")
    }

    /// The opening a submission asks for, or every problem with it at once.
    static func check(_ submission: Open311Submission, tree: CaseCategoryTree, now: Date) throws -> CaseEngine.CheckedOpening {
        var errors: [FieldError] = []
        func text(_ value: String?) -> String? {
            guard let t = value?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        var category: CaseCategory?
        if let code = text(submission.serviceCode) {
            category = tree.activeOnly.category(code: code)
            if category == nil {
                errors.append(FieldError(field: "service_code", code: "unknown", message: "service_code 不是可用的服务"))
            }
        } else {
            errors.append(FieldError(field: "service_code", code: "required", message: "请提供 service_code"))
        }
        var latitude: Double?, longitude: Double?
        if let raw = text(submission.latitude) {
            latitude = Double(raw)
            if latitude == nil { errors.append(FieldError(field: "lat", code: "invalid", message: "lat 不是有效的纬度")) }
        }
        if let raw = text(submission.longitude) {
            longitude = Double(raw)
            if longitude == nil { errors.append(FieldError(field: "long", code: "invalid", message: "long 不是有效的经度")) }
        }
        let address = text(submission.address)
        if text(submission.latitude) == nil, text(submission.longitude) == nil, address == nil {
            errors.append(FieldError(field: "lat", code: "required", message: "请提供 lat 和 long,或 address_string"))
        }
        var urgency: String?
        if let raw = text(submission.attributes["urgency"]) {
            urgency = raw
            if Urgency(rawValue: raw) == nil {
                errors.append(FieldError(field: "attribute[urgency]", code: "invalid_choice", message: "紧急程度不在可选范围内"))
            }
        }
        var people: Int?
        if let raw = text(submission.attributes["people_involved"]) {
            people = Int(raw)
            if people == nil {
                errors.append(FieldError(field: "attribute[people_involved]", code: "invalid", message: "涉及人数应为整数"))
            }
        }
        // Chinese order: family name (last_name) first.
        let name = [text(submission.lastName), text(submission.firstName)].compactMap { $0 }.joined()
        let opening = CaseOpening(
            channel: Channel.open311.rawValue, kind: category?.kind.rawValue ?? CaseKind.dispute.rawValue,
            urgency: urgency, description: submission.description, address: address, latitude: latitude,
            longitude: longitude, contactName: name.isEmpty ? nil : name, contactPhone: text(submission.phone),
            peopleInvolved: people)
        var checked: CaseEngine.CheckedOpening?
        do {
            checked = try CaseEngine.check(opening, now: now)
        } catch {
            guard case .validation(let fields) = error else { throw error }
            errors += fields.map(Self.open311Field)
        }
        guard errors.isEmpty, var checked, let category else { throw DomainError.validation(errors) }
        checked.report.category = category.name
        return checked
    }

    /// A field error of the case opening, named as the GeoReport field the client sent.
    static func open311Field(_ error: FieldError) -> FieldError {
        let names = ["latitude": "lat", "longitude": "long", "address": "address_string", "contactName": "last_name",
                     "contactPhone": "phone", "peopleInvolved": "attribute[people_involved]", "urgency": "attribute[urgency]"]
        return FieldError(field: names[error.field] ?? error.field, code: error.code, message: error.message)
    }

    // MARK: Reading

    /// The public requests matching `query`, newest first (at most `listLimit`).
    public func requests(_ query: Open311Query) async throws -> [Open311Request] {
        let prefix = try await areaPrefix(query.jurisdiction)
        let tree = try await CaseCategories(platform: platform).load()
        var filter = Open311Repository.Filter(areaPrefix: prefix, channels: Self.channels, limit: Self.listLimit)
        if let ids = Self.list(query.requestIds) {
            filter.numbers = ids
        } else {
            var errors: [FieldError] = []
            if let codes = Self.list(query.serviceCodes) {
                filter.categories = codes.compactMap { tree.category(code: $0)?.name }
            }
            if let statuses = Self.list(query.status) {
                var states: [CaseState] = []
                for status in statuses {
                    switch status.lowercased() {
                    case "open": states += CaseState.allCases.filter(\.isOpen)
                    case "closed": states += CaseState.allCases.filter { !$0.isOpen }
                    default: errors.append(FieldError(field: "status", code: "invalid_choice", message: "status 只能是 open 或 closed"))
                    }
                }
                filter.states = states.map(\.rawValue)
            }
            let range = Self.range(start: query.startDate, end: query.endDate, now: platform.clock.now(), errors: &errors)
            guard errors.isEmpty, let range else { throw DomainError.validation(errors) }
            filter.reportedFrom = range.from
            filter.reportedBefore = range.before
        }
        let chosen = filter
        let (records, events) = try await platform.database.read { db in
            let repository = Open311Repository(db)
            let records = try await repository.cases(chosen)
            return (records, try await repository.events(caseIds: records.compactMap(\.id)))
        }
        let atlas = try await platform.areaAtlas()
        return records.compactMap { record -> Open311Request? in
            // A service code filter also checks the kind (two kinds may name a category alike).
            if let codes = Self.list(query.serviceCodes), filter.numbers == nil,
               !codes.contains(Self.serviceCode(record, tree: tree)) { return nil }
            return Self.request(record, events: record.id.flatMap { events[$0] } ?? [], tree: tree, atlas: atlas)
        }
    }

    /// The public request `id` (a case number).
    public func request(id: String, jurisdiction: String?) async throws -> Open311Request {
        let found = try await requests(Open311Query(jurisdiction: jurisdiction, requestIds: id))
        guard let first = found.first, !id.contains(",") else { throw DomainError.notFound(what: "服务请求 \(id)") }
        return first
    }

    /// The request filed with `token` (its tracking code).
    public func request(token: String, jurisdiction: String?) async throws -> (requestId: String, token: String) {
        let prefix = try await areaPrefix(jurisdiction)
        guard let code = TrackingCode(token) else { throw DomainError.notFound(what: "令牌 \(token)") }
        let record = try await platform.database.read { try await CaseRepository($0).find(trackingCode: code.rawValue) }
        guard let record, record.areaCode.hasPrefix(prefix), Self.channels.contains(record.channel) else {
            throw DomainError.notFound(what: "令牌 \(token)")
        }
        return (record.number, code.description)
    }

    /// FixMyStreet `servicerequestupdates`: state changes and public notes of public cases in the range.
    public func updates(startDate: String?, endDate: String?, jurisdiction: String?) async throws -> [Open311Update] {
        let prefix = try await areaPrefix(jurisdiction)
        var errors: [FieldError] = []
        let range = Self.range(start: startDate, end: endDate, now: platform.clock.now(), errors: &errors)
        guard errors.isEmpty, let range else { throw DomainError.validation(errors) }
        let rows = try await platform.database.read { db in
            try await Open311Repository(db).updates(areaPrefix: prefix, channels: Self.channels, from: range.from,
                                                    before: range.before, limit: Self.listLimit)
        }
        return rows.compactMap { row -> Open311Update? in
            let state = CaseState(rawValue: row.event.toState)
            let payload = CaseEventCodec.event(row.event)?.payload
            let note = payload.flatMap(CaseEventLabel.publicNote)
            guard row.event.fromState != row.event.toState || note != nil, let state, let id = row.event.id else { return nil }
            let label = payload.map(CaseEventLabel.label) ?? state.chineseName
            return Open311Update(
                id: String(id), requestId: row.number, status: state.isOpen ? "open" : "closed",
                description: note.map { "\(label):\($0)" } ?? "\(label)(\(state.chineseName))",
                updatedAt: Date(millisecondsSince1970: row.event.at))
        }
    }

    // MARK: Helpers

    static func request(_ record: CaseRecord, events: [CaseEventRecord], tree: CaseCategoryTree, atlas: AreaAtlas)
        -> Open311Request
    {
        let state = CaseState(rawValue: record.state) ?? .reported
        // The newest note meant for the requester, else the state's name.
        let note = events.lazy.compactMap { CaseEventCodec.event($0).flatMap { CaseEventLabel.publicNote($0.payload) } }.first
        return Open311Request(
            id: record.number, status: state.isOpen ? "open" : "closed", statusNotes: note ?? state.chineseName,
            serviceName: record.category, serviceCode: serviceCode(record, tree: tree), description: record.description,
            agencyResponsible: atlas.node(record.areaCode)?.name, serviceNotice: nil, address: record.address,
            latitude: record.lat, longitude: record.lon, requestedAt: Date(millisecondsSince1970: record.reportedAt),
            updatedAt: Date(millisecondsSince1970: record.updatedAt), expectedAt: nil)
    }

    static func serviceCode(_ record: CaseRecord, tree: CaseCategoryTree) -> String {
        tree.kinds.lazy.flatMap(\.categories).first { $0.kind.rawValue == record.kind && $0.name == record.category }?.code
            ?? record.kind
    }

    static func list(_ raw: String?) -> [String]? {
        let items = (raw ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return items.isEmpty ? nil : items
    }

    /// The area prefix of county `jurisdiction` ("" for none); "not found" for anything else.
    func areaPrefix(_ jurisdiction: String?) async throws -> String {
        guard let raw = jurisdiction?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return "" }
        let code = raw.count == 6 ? raw + "000000" : raw
        guard code.count == 12, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber),
              let node = try await platform.areaAtlas().node(code), node.level == .county
        else { throw DomainError.notFound(what: "jurisdiction_id \(raw)") }
        return String(code.prefix(6))
    }

    /// [from, before) in milliseconds: the spec's defaults (the 90 days up to now, or 90 days from a start
    /// or up to an end); a range wider than 90 days or backwards is refused.
    static func range(start: String?, end: String?, now: Date, errors: inout [FieldError]) -> (from: Int64, before: Int64)? {
        var from: Date?, to: Date?
        if let start, !start.isEmpty {
            from = W3CDate.parse(start)
            if from == nil { errors.append(FieldError(field: "start_date", code: "invalid", message: "start_date 不是有效的 W3C 日期时间")) }
        }
        if let end, !end.isEmpty {
            to = W3CDate.parse(end)
            if to == nil { errors.append(FieldError(field: "end_date", code: "invalid", message: "end_date 不是有效的 W3C 日期时间")) }
        }
        guard errors.isEmpty else { return nil }
        let upper = to ?? from.map { $0.addingTimeInterval(defaultSpan) } ?? now.addingTimeInterval(1)
        let lower = from ?? upper.addingTimeInterval(-defaultSpan)
        guard lower <= upper else {
            errors.append(FieldError(field: "end_date", code: "out_of_range", message: "end_date 不能早于 start_date"))
            return nil
        }
        guard upper.timeIntervalSince(lower) <= defaultSpan else {
            errors.append(FieldError(field: "end_date", code: "out_of_range", message: "日期范围不能超过90天"))
            return nil
        }
        return (lower.millisecondsSince1970, upper.millisecondsSince1970)
    }
}
