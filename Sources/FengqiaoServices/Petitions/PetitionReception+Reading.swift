import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension PetitionReception {
    /// Petition `id` for whoever sees cases inside its jurisdiction (404 outside), clocks as of now.
    public func petition(id: Int64, caller: Caller) async throws -> PetitionView {
        let staff = caller.staff
        try staff.require(.viewCases)
        let now = platform.clock.now()
        let calendar = try await platform.businessCalendar()
        let atlas = try await platform.areaAtlas()
        return try await platform.database.read { db in
            let record = try await Self.load(id, staff: staff, in: db)
            let repository = PetitionRepository(db)
            let petitioners = try await repository.petitioners(of: id)
            let earlier = try await repository.petitions(
                withPetitionerIndexes: petitioners.compactMap(\.idNumberIndex), before: id)
            let visible = earlier.filter { staff.jurisdiction.contains($0.placeCode) }
            var visiblePeople: Set<Int64> = []
            let linked = petitioners.compactMap(\.personId)
            if staff.may(.viewBaseData), !linked.isEmpty {
                let people = try await PeopleRepository(db, kind: platform.database.kind).find(ids: linked)
                visiblePeople = Set(people.filter { staff.jurisdiction.contains($0.gridCode) }.compactMap(\.id))
            }
            let caseState = try await Self.caseState(record, in: db)
            return Self.view(
                record, petitioners: petitioners, earlier: visible.map { Self.summary($0, now: now, calendar: calendar) },
                earlierElsewhere: earlier.count - visible.count, visiblePeople: visiblePeople, caseState: caseState,
                placeName: DeskIntake.placeName(record.placeCode, atlas: atlas), now: now, calendar: calendar)
        }
    }

    /// The petitions inside the caller's jurisdiction (or area `filter.area` in it), newest receipt first,
    /// with the figures of the whole filtered list. The overdue filter is exact: rows that could be past a
    /// deadline are picked in SQL, then their clocks computed (at most 2,000 candidates per request).
    public func list(_ filter: PetitionFilter, caller: Caller) async throws -> PetitionPage {
        let staff = caller.staff
        try staff.require(.viewCases)
        let scope = try staff.scope(filter.area)
        let (form, state, after) = try filter.checked()
        let now = platform.clock.now()
        let calendar = try await platform.businessCalendar()
        let limit = min(max(filter.limit, 1), 200)
        let base = PetitionListQuery(
            prefix: scope.prefix, upperBound: scope.upperBound, form: form?.rawValue, states: state.map { [$0.rawValue] },
            collectiveOnly: filter.collective, repeatedOnly: filter.repeated)
        return try await platform.database.read { db in
            let repository = PetitionRepository(db)
            let counts = try await repository.counts(base)
            var overdueQuery = base
            overdueQuery.possiblyOverdueAt = now.millisecondsSince1970
            let candidates = try await repository.list(overdueQuery, limit: Self.overdueScan)
            let overdue = candidates.filter { Self.timeline($0).isOverdue(at: now, calendar: calendar) }
            var rows: [PetitionRecord]
            var next: String?
            if filter.overdue {
                let start = after.map { a in overdue.firstIndex { ($0.receivedAt, $0.id ?? 0) < a } ?? overdue.count } ?? 0
                rows = Array(overdue[start...].prefix(limit))
                if start + rows.count < overdue.count, let last = rows.last { next = "\(last.receivedAt).\(last.id ?? 0)" }
            } else {
                var query = base
                query.after = after.map { (receivedAt: $0.0, id: $0.1) }
                rows = try await repository.list(query, limit: limit + 1)
                if rows.count > limit {
                    rows.removeLast()
                    if let last = rows.last { next = "\(last.receivedAt).\(last.id ?? 0)" }
                }
            }
            let firstNames = try await repository.firstPetitioners(of: rows.compactMap(\.id))
            let items = rows.map { row in
                var item = Self.summary(row, now: now, calendar: calendar)
                item.petitioner = firstNames[row.id ?? 0] ?? ""
                return item
            }
            return PetitionPage(petitions: items, counts: counts, overdue: overdue.count, next: next)
        }
    }

    /// The most rows the overdue filter and count look at in one request.
    static let overdueScan = 2_000

    static func summary(_ r: PetitionRecord, now: Date, calendar: BusinessCalendar) -> PetitionSummary {
        let clocks = timeline(r).clocks(at: now, calendar: calendar)
        let open = clocks.last { $0.isOpen }
        let form = PetitionForm(rawValue: r.form)
        let state = PetitionState(rawValue: r.state)
        return PetitionSummary(
            id: r.id ?? 0, caseNumber: r.caseNumber, form: r.form, formName: form?.chineseName ?? r.form, state: r.state,
            stateName: state?.chineseName ?? r.state, receivedAt: Date(millisecondsSince1970: r.receivedAt),
            petitioner: "", persons: r.persons, collective: r.collective == 1, repeated: r.repeated == 1,
            category: r.category, excerpt: String(r.description.prefix(60)), deadline: open?.deadline,
            deadlineName: open?.kind.chineseName, clockStatus: open?.statusCode, clockStatusName: open?.statusName,
            overdue: clocks.contains { $0.status == .overdue })
    }

    static func view(
        _ r: PetitionRecord, petitioners: [PetitionerRecord], earlier: [PetitionSummary], earlierElsewhere: Int,
        visiblePeople: Set<Int64>, caseState: CaseState?, placeName: String, now: Date, calendar: BusinessCalendar
    ) -> PetitionView {
        func date(_ ms: Int64?) -> Date? { ms.map(Date.init(millisecondsSince1970:)) }
        let timeline = timeline(r)
        let clocks = timeline.clocks(at: now, calendar: calendar)
        let decision = r.decision.flatMap { PetitionDecision(rawValue: $0) }
        var extensionView: PetitionView.Extension?
        if r.extensionState != "none", let days = r.extensionDays, let at = r.extensionRequestedAt {
            let names = ["pending": "待审批", "approved": "已批准", "denied": "未批准"]
            extensionView = PetitionView.Extension(
                state: r.extensionState, stateName: names[r.extensionState] ?? r.extensionState, days: days,
                reason: r.extensionReason ?? "", requestedAt: Date(millisecondsSince1970: at),
                requestedBy: r.extensionRequestedByName ?? "", decidedAt: date(r.extensionDecidedAt),
                decidedBy: r.extensionDecidedByName, denialReason: r.extensionDenialReason)
        }
        func review(_ request: String?, _ at: Int64?, _ result: String?, _ opinion: String?, _ decided: Int64?,
                    _ by: String?) -> PetitionView.Review?
        {
            guard let request, let at else { return nil }
            return PetitionView.Review(
                request: request, requestedAt: Date(millisecondsSince1970: at), result: result,
                resultName: result.flatMap { PetitionReviewResult(rawValue: $0) }?.chineseName, opinion: opinion,
                decidedAt: date(decided), decidedBy: by)
        }
        var documents: [PetitionDocumentKind] = []
        if decision != nil { documents.append(.notice) }
        if r.repliedAt != nil { documents.append(.reply) }
        return PetitionView(
            id: r.id ?? 0, caseNumber: r.caseNumber, caseState: caseState?.rawValue, caseStateName: caseState?.chineseName,
            form: r.form, formName: PetitionForm(rawValue: r.form)?.chineseName ?? r.form, state: r.state,
            stateName: PetitionState(rawValue: r.state)?.chineseName ?? r.state, placeCode: r.placeCode,
            placeName: placeName, category: r.category, description: r.description, respondentOrgan: r.respondentOrgan,
            persons: r.persons, collective: r.collective == 1, repeated: r.repeated == 1,
            receivedAt: Date(millisecondsSince1970: r.receivedAt), registeredAt: Date(millisecondsSince1970: r.registeredAt),
            registeredBy: r.registeredByName, firstResponder: r.firstResponderName,
            petitioners: petitioners.map {
                PetitionView.Petitioner(position: $0.position, name: $0.name, idNumber: $0.idNumberMasked,
                                        phone: $0.phoneMasked,
                                        personId: $0.personId.flatMap { visiblePeople.contains($0) ? $0 : nil })
            },
            earlier: earlier, earlierElsewhere: earlierElsewhere, decision: r.decision, decisionName: decision?.chineseName,
            decisionReason: r.decisionReason, noticeChannel: r.noticeChannel,
            noticeChannelName: r.noticeChannel.flatMap { ContactChannel(rawValue: $0) }?.chineseName, decidedAt: date(r.decidedAt),
            decidedBy: r.decidedByName, extension: extensionView, reply: r.reply,
            replyChannelName: r.replyChannel.flatMap { ContactChannel(rawValue: $0) }?.chineseName, repliedAt: date(r.repliedAt),
            repliedBy: r.repliedByName,
            review: review(r.reviewRequest, r.reviewRequestedAt, r.reviewResult, r.reviewOpinion, r.reviewDecidedAt,
                           r.reviewDecidedByName),
            reReview: review(r.reReviewRequest, r.reReviewRequestedAt, r.reReviewResult, r.reReviewOpinion,
                             r.reReviewDecidedAt, r.reReviewDecidedByName),
            reviewWindowEnds: r.reviewRequestedAt == nil ? timeline.reviewWindowEnds(calendar: calendar) : nil,
            reReviewWindowEnds: r.reReviewRequestedAt == nil ? timeline.reReviewWindowEnds(calendar: calendar) : nil,
            reviewWindowOpen: r.reviewRequestedAt == nil && timeline.reviewWindowEnds(calendar: calendar).map { now <= $0 } == true,
            reReviewWindowOpen: r.reReviewRequestedAt == nil
                && timeline.reReviewWindowEnds(calendar: calendar).map { now <= $0 } == true,
            clocks: clocks.map { c in
                PetitionView.Clock(
                    kind: c.kind.rawValue, kindName: c.kind.chineseName, limit: c.clock.effectiveLimit.description,
                    startedAt: c.clock.startedAt, deadline: c.deadline, stoppedAt: c.clock.stoppedAt, status: c.statusCode,
                    statusName: c.statusName)
            },
            overdue: clocks.contains { $0.status == .overdue }, documents: documents, version: r.version)
    }
}
