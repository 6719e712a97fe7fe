import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The mediation registry: organisations lying in an area of the map and their mediators. Staff holding
/// `manageMediation` add and change them inside their jurisdiction (retiring is making inactive; nothing
/// is deleted); whoever sees cases reads the lists and asks for suggestions. Anything outside the
/// jurisdiction is "not found". Every change is audited with before and after (phones masked).
public struct MediationRegistry: Sendable {
    let platform: Platform

    public static let listLimit = 5000

    public init(platform: Platform) { self.platform = platform }

    // MARK: Organisations

    public func organizations(caller: Caller) async throws -> [MediationOrganizationView] {
        let staff = caller.staff
        try staff.require(.viewCases)
        let atlas = try await platform.areaAtlas()
        return try await platform.database.read { db in
            try await MediationRepository(db).organizations(areaFrom: staff.jurisdiction.prefix,
                                                            below: staff.jurisdiction.upperBound, limit: Self.listLimit)
        }.map { MediationOrganizationView($0, atlas: atlas) }
    }

    public func organization(id: Int64, caller: Caller) async throws -> MediationOrganizationView {
        try caller.staff.require(.viewCases)
        let atlas = try await platform.areaAtlas()
        let record = try await platform.database.read { try await MediationRepository($0).organization(id: id) }
        guard let record, caller.staff.jurisdiction.contains(record.areaCode) else { throw DomainError.notFound(what: "该调解组织") }
        return MediationOrganizationView(record, atlas: atlas)
    }

    @discardableResult
    public func createOrganization(_ submission: MediationOrganizationSubmission, caller: Caller) async throws
        -> MediationOrganizationView
    {
        let staff = caller.staff
        try staff.require(.manageMediation)
        let atlas = try await platform.areaAtlas()
        let organization = try submission.validate { atlas.node($0.rawValue) != nil }
        guard staff.jurisdiction.contains(organization.areaCode) else { throw DomainError.notFound(what: "该区域") }
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let draft = MediationOrganizationRecord(
            areaCode: organization.areaCode.rawValue, kind: organization.kind.rawValue, name: organization.name,
            address: organization.address, phoneCipher: try organization.phone.map { try platform.cipher.seal($0.rawValue) },
            phoneMasked: organization.phone?.masked, active: organization.active ? 1 : 0, createdAt: now, updatedAt: now)
        return try await platform.database.write { db in
            var record = draft
            record.id = try await MediationRepository(db).insert(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_organization.create", objectType: "mediation_organization",
                           objectID: String(record.id ?? 0), summary: AuditEntry.summary(["after": Self.fields(record)])),
                at: now, in: db, kind: kind)
            return MediationOrganizationView(record, atlas: atlas)
        }
    }

    /// Changes organisation `id`; a blank phone keeps the phone on file. `active: false` retires it.
    @discardableResult
    public func updateOrganization(id: Int64, _ submission: MediationOrganizationSubmission, caller: Caller) async throws
        -> MediationOrganizationView
    {
        let staff = caller.staff
        try staff.require(.manageMediation)
        let atlas = try await platform.areaAtlas()
        let existing = try await platform.database.read { try await MediationRepository($0).organization(id: id) }
        guard let existing, staff.jurisdiction.contains(existing.areaCode) else { throw DomainError.notFound(what: "该调解组织") }
        let organization = try submission.validate { atlas.node($0.rawValue) != nil }
        guard staff.jurisdiction.contains(organization.areaCode) else { throw DomainError.notFound(what: "该区域") }
        let sealed = try organization.phone.map { try platform.cipher.seal($0.rawValue) }
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let repository = MediationRepository(db)
            guard let before = try await repository.organization(id: id), staff.jurisdiction.contains(before.areaCode) else {
                throw DomainError.notFound(what: "该调解组织")
            }
            var after = before
            after.areaCode = organization.areaCode.rawValue
            after.kind = organization.kind.rawValue
            after.name = organization.name
            after.address = organization.address
            if let phone = organization.phone {
                after.phoneCipher = sealed
                after.phoneMasked = phone.masked
            }
            after.active = organization.active ? 1 : 0
            guard after != before else { return MediationOrganizationView(before, atlas: atlas) }
            after.updatedAt = now
            try await repository.update(after)
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_organization.update", objectType: "mediation_organization",
                           objectID: String(id),
                           summary: AuditEntry.summary(["before": Self.fields(before), "after": Self.fields(after)])),
                at: now, in: db, kind: kind)
            return MediationOrganizationView(after, atlas: atlas)
        }
    }

    // MARK: Mediators

    public func mediators(caller: Caller) async throws -> [MediatorView] {
        let staff = caller.staff
        try staff.require(.viewCases)
        return try await platform.database.read { db in
            let records = try await MediationRepository(db).mediators(
                areaFrom: staff.jurisdiction.prefix, below: staff.jurisdiction.upperBound, limit: Self.listLimit)
            let counts = try await MediationCaseRepository(db).mediatorStateCounts()
            return records.map { MediatorView($0, counts: counts[$0.id ?? 0] ?? [:]) }
        }
    }

    /// Adds a mediator to an organisation inside the jurisdiction (one outside, or none, is the field
    /// error `organizationId`/`unknown`).
    @discardableResult
    public func createMediator(_ submission: MediatorSubmission, caller: Caller) async throws -> MediatorView {
        let staff = caller.staff
        try staff.require(.manageMediation)
        let (mediator, organization) = try await validate(submission, staff: staff)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let draft = MediatorRecord(
            organizationId: organization, areaCode: "", name: mediator.name,
            phoneCipher: try mediator.phone.map { try platform.cipher.seal($0.rawValue) }, phoneMasked: mediator.phone?.masked,
            specialties: mediator.specialties.map(\.rawValue).joined(separator: ","),
            languages: mediator.languages.map(\.rawValue).joined(separator: ","),
            availability: mediator.availability.rawValue, active: mediator.active ? 1 : 0, createdAt: now, updatedAt: now)
        return try await platform.database.write { db in
            let repository = MediationRepository(db)
            guard let owner = try await repository.organization(id: organization), staff.jurisdiction.contains(owner.areaCode)
            else { throw Self.unknownOrganization }
            var record = draft
            record.areaCode = owner.areaCode
            record.id = try await repository.insert(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediator.create", objectType: "mediator", objectID: String(record.id ?? 0),
                           summary: AuditEntry.summary(["after": Self.fields(record)])),
                at: now, in: db, kind: kind)
            return MediatorView(record)
        }
    }

    /// Changes mediator `id` (a blank phone keeps the phone on file); `active: false` retires them.
    @discardableResult
    public func updateMediator(id: Int64, _ submission: MediatorSubmission, caller: Caller) async throws -> MediatorView {
        let staff = caller.staff
        try staff.require(.manageMediation)
        let existing = try await platform.database.read { try await MediationRepository($0).mediator(id: id) }
        guard let existing, staff.jurisdiction.contains(existing.areaCode) else { throw DomainError.notFound(what: "该调解员") }
        var submission = submission
        if submission.organizationId == nil { submission.organizationId = existing.organizationId }
        // What the change leaves out stays as it was (a form that does not show every language must not
        // drop the others).
        if submission.languages == nil { submission.languages = existing.languages.split(separator: ",").map(String.init) }
        if submission.availability == nil { submission.availability = existing.availability }
        let (mediator, organization) = try await validate(submission, staff: staff)
        let sealed = try mediator.phone.map { try platform.cipher.seal($0.rawValue) }
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let repository = MediationRepository(db)
            guard let before = try await repository.mediator(id: id), staff.jurisdiction.contains(before.areaCode) else {
                throw DomainError.notFound(what: "该调解员")
            }
            guard let owner = try await repository.organization(id: organization), staff.jurisdiction.contains(owner.areaCode)
            else { throw Self.unknownOrganization }
            var after = before
            after.organizationId = organization
            after.areaCode = owner.areaCode
            after.name = mediator.name
            if let phone = mediator.phone {
                after.phoneCipher = sealed
                after.phoneMasked = phone.masked
            }
            after.specialties = mediator.specialties.map(\.rawValue).joined(separator: ",")
            after.languages = mediator.languages.map(\.rawValue).joined(separator: ",")
            after.availability = mediator.availability.rawValue
            after.active = mediator.active ? 1 : 0
            let counts = try await MediationCaseRepository(db).mediatorStateCounts()[id] ?? [:]
            guard after != before else { return MediatorView(before, counts: counts) }
            after.updatedAt = now
            try await repository.update(after)
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediator.update", objectType: "mediator", objectID: String(id),
                           summary: AuditEntry.summary(["before": Self.fields(before), "after": Self.fields(after)])),
                at: now, in: db, kind: kind)
            return MediatorView(after, counts: counts)
        }
    }

    // MARK: Suggestions

    /// Active, available mediators in the jurisdiction ranked for a dispute of `specialty` in `area`
    /// (see `MediatorRanking`): specialty, then closeness, then load (their open mediations). An area
    /// outside the jurisdiction is "not found".
    public func suggestions(specialty: String?, area: String?, language: String?, caller: Caller, limit: Int = 10)
        async throws -> [MediatorSuggestion]
    {
        let staff = caller.staff
        try staff.require(.viewCases)
        var errors: [FieldError] = []
        let parsedSpecialty = specialty.flatMap { MediationSpecialty(named: $0.trimmingCharacters(in: .whitespaces)) }
        if parsedSpecialty == nil {
            errors.append(specialty?.isEmpty ?? true ? .required("specialty", label: "调解专长")
                : FieldError(field: "specialty", code: "unknown", message: "没有这种调解专长"))
        }
        let parsedLanguage = try Self.language(language, errors: &errors)
        let areaCode = area.flatMap { AreaCode($0.trimmingCharacters(in: .whitespaces)) }
        if areaCode == nil { errors.append(area?.isEmpty ?? true ? .required("area", label: "纠纷所在区域") : .invalid("area", label: "区域编码")) }
        guard errors.isEmpty, let parsedSpecialty, let areaCode else { throw DomainError.validation(errors) }
        let atlas = try await platform.areaAtlas()
        guard atlas.node(areaCode.rawValue) != nil, staff.jurisdiction.contains(areaCode) else {
            throw DomainError.notFound(what: "该区域")
        }
        return try await platform.database.read { db in
            try await Self.ranked(specialty: parsedSpecialty, area: areaCode.rawValue, language: parsedLanguage,
                                  staff: staff, limit: limit, in: db)
        }
    }

    /// A language asked for (nil when none), or the field error `language`.
    static func language(_ text: String?, errors: inout [FieldError]) throws -> MediationLanguage? {
        guard let text, !text.isEmpty else { return nil }
        guard let parsed = MediationLanguage(named: text) else {
            errors.append(FieldError(field: "language", code: "unknown", message: "没有这种语言"))
            return nil
        }
        return parsed
    }

    /// The ranking of the mediators in `staff`'s jurisdiction, read in `db`, with their loads and records.
    static func ranked(specialty: MediationSpecialty, area: String, language: MediationLanguage?, staff: Staff,
                       limit: Int, in db: any SQLDatabase) async throws -> [MediatorSuggestion] {
        let records = try await MediationRepository(db).mediators(
            areaFrom: staff.jurisdiction.prefix, below: staff.jurisdiction.upperBound, limit: listLimit)
        let counts = try await MediationCaseRepository(db).mediatorStateCounts()
        let views = Dictionary(records.compactMap { r in r.id.map { ($0, MediatorView(r, counts: counts[$0] ?? [:])) } },
                               uniquingKeysWith: { a, _ in a })
        let candidates = records.compactMap { record -> MediatorCandidate? in
            guard let id = record.id, let view = views[id] else { return nil }
            return MediatorCandidate(
                id: id, areaCode: record.areaCode, specialties: MediatorView.specialties(record.specialties),
                languages: MediatorView.languages(record.languages),
                availability: MediatorAvailability(rawValue: record.availability) ?? .busy, active: record.active == 1,
                load: view.load)
        }
        return MediatorRanking.rank(candidates, specialty: specialty, area: area, language: language)
            .prefix(max(1, min(limit, 50)))
            .compactMap { ranked in
                views[ranked.candidate.id].map {
                    MediatorSuggestion(mediator: $0, specialtyMatch: ranked.specialtyMatch,
                                       closeness: "\(ranked.closeness)", closenessName: ranked.closeness.chineseName,
                                       load: ranked.candidate.load, loadKnown: true)
                }
            }
    }

    // MARK: Helpers

    static let unknownOrganization = DomainError.validation([
        FieldError(field: "organizationId", code: "unknown", message: "辖区内没有该调解组织"),
    ])

    /// Validates the mediator and checks that the organisation exists inside the jurisdiction.
    private func validate(_ submission: MediatorSubmission, staff: Staff) async throws -> (ValidatedMediator, Int64) {
        var errors: [FieldError] = []
        var mediator: ValidatedMediator?
        do { mediator = try submission.validate() } catch DomainError.validation(let found) { errors = found }
        var organization: Int64?
        if let id = submission.organizationId {
            let record = try await platform.database.read { try await MediationRepository($0).organization(id: id) }
            if let record, staff.jurisdiction.contains(record.areaCode) { organization = id } else {
                errors.append(FieldError(field: "organizationId", code: "unknown", message: "辖区内没有该调解组织"))
            }
        } else {
            errors.append(.required("organizationId", label: "所属调解组织"))
        }
        guard errors.isEmpty, let mediator, let organization else { throw DomainError.validation(errors) }
        return (mediator, organization)
    }

    static func fields(_ o: MediationOrganizationRecord) -> [String: any Sendable] {
        ["area": o.areaCode, "kind": o.kind, "name": o.name, "address": o.address ?? "", "phone": o.phoneMasked ?? "",
         "active": o.active == 1]
    }

    static func fields(_ m: MediatorRecord) -> [String: any Sendable] {
        ["organization": m.organizationId, "name": m.name, "phone": m.phoneMasked ?? "", "specialties": m.specialties,
         "languages": m.languages, "availability": m.availability, "active": m.active == 1]
    }
}
