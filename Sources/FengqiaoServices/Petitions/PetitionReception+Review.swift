import FengqiaoDomain
import FengqiaoStore
import Foundation

extension PetitionReception {
    /// Records the petitioner's request for a review (复查) of replied petition `id`: within 30 working days
    /// of the written reply. The review opinion is then due within 30 working days.
    public func requestReview(id: Int64, _ submission: PetitionReviewSubmission, caller: Caller) async throws
        -> PetitionView
    {
        try await request(id: id, submission, second: false, caller: caller)
    }

    /// Records the request for a re-review (复核) of reviewed petition `id`: within 30 working days of the
    /// review opinion; the re-review opinion is due within 30 working days.
    public func requestReReview(id: Int64, _ submission: PetitionReviewSubmission, caller: Caller) async throws
        -> PetitionView
    {
        try await request(id: id, submission, second: true, caller: caller)
    }

    /// Records the review opinion (复查意见) of petition `id`.
    public func decideReview(id: Int64, _ submission: PetitionReviewSubmission, caller: Caller) async throws
        -> PetitionView
    {
        try await opinion(id: id, submission, second: false, caller: caller)
    }

    /// Records the re-review opinion (复核意见) of petition `id`; the matter is then concluded.
    public func decideReReview(id: Int64, _ submission: PetitionReviewSubmission, caller: Caller) async throws
        -> PetitionView
    {
        try await opinion(id: id, submission, second: true, caller: caller)
    }

    private func request(id: Int64, _ submission: PetitionReviewSubmission, second: Bool, caller: Caller) async throws
        -> PetitionView
    {
        let staff = try Self.requireOfficer(caller)
        let setting = try await engineSetting()
        let name = second ? "复核" : "复查"
        try await platform.database.write { db in
            var record = try await Self.load(id, staff: staff, in: db)
            try Self.require(record, in: [second ? .reviewed : .replied], toDo: "请求\(name)")
            let text = try submission.validateRequest()
            let timeline = Self.timeline(record)
            let window = second ? timeline.reReviewWindowEnds(calendar: setting.calendar)
                : timeline.reviewWindowEnds(calendar: setting.calendar)
            guard let window, setting.now <= window else {
                let end = window.map { ChinaTime.dayString($0) } ?? "—"
                throw DomainError.conflict(
                    code: "request_window_closed",
                    message: "已超过\(name)请求期限(\(second ? "复查意见" : "书面答复")之日起\(PetitionLimits.requestWindow)内,至\(end))")
            }
            let nowMs = setting.now.millisecondsSince1970
            if second {
                record.state = PetitionState.reReviewRequested.rawValue
                record.reReviewRequest = text
                record.reReviewRequestedAt = nowMs
            } else {
                record.state = PetitionState.reviewRequested.rawValue
                record.reviewRequest = text
                record.reviewRequestedAt = nowMs
            }
            record = try await Self.save(record, now: setting.now, in: db)
            if second {
                try await Self.audit(caller, action: "petition.re_review_request", record, now: setting.now,
                                     kind: setting.kind, in: db)
            } else {
                try await Self.audit(caller, action: "petition.review_request", record, now: setting.now,
                                     kind: setting.kind, in: db)
            }
        }
        return try await petition(id: id, caller: caller)
    }

    private func opinion(id: Int64, _ submission: PetitionReviewSubmission, second: Bool, caller: Caller) async throws
        -> PetitionView
    {
        let staff = try Self.requireOfficer(caller)
        let setting = try await engineSetting()
        try await platform.database.write { db in
            var record = try await Self.load(id, staff: staff, in: db)
            try Self.require(record, in: [second ? .reReviewRequested : .reviewRequested],
                             toDo: second ? "出具复核意见" : "出具复查意见")
            let (result, text) = try submission.validateOpinion()
            let nowMs = setting.now.millisecondsSince1970
            if second {
                record.state = PetitionState.reReviewed.rawValue
                record.reReviewResult = result.rawValue
                record.reReviewOpinion = text
                record.reReviewDecidedAt = nowMs
                record.reReviewDecidedByName = staff.displayName
            } else {
                record.state = PetitionState.reviewed.rawValue
                record.reviewResult = result.rawValue
                record.reviewOpinion = text
                record.reviewDecidedAt = nowMs
                record.reviewDecidedByName = staff.displayName
            }
            record = try await Self.save(record, now: setting.now, in: db)
            if second {
                try await Self.audit(caller, action: "petition.re_review_decide", record, ["result": result.rawValue],
                                     now: setting.now, kind: setting.kind, in: db)
            } else {
                try await Self.audit(caller, action: "petition.review_decide", record, ["result": result.rawValue],
                                     now: setting.now, kind: setting.kind, in: db)
            }
        }
        return try await petition(id: id, caller: caller)
    }
}
