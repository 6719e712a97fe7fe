import Foundation

/// A mediation case as it is opened, before validation: directly at the mediation centre, from an
/// existing case (`caseNumber`, 转调解), or sent in by a 六调联动 partner (`referral`). Opened from a
/// case, the facts, area and parties may be left out: the case's are taken.
public struct MediationOpeningSubmission: Sendable, Codable, Equatable {
    public var caseNumber: String?
    /// A `MediationSpecialty` by machine or Chinese name: the dispute type.
    public var specialty: String?
    public var facts: String?
    /// 涉及金额 in 分 (fen), not negative.
    public var amountFen: Int64?
    public var areaCode: String?
    public var organizationId: Int64?
    public var mediatorId: Int64?
    public var parties: [MediationPartySubmission]?
    /// Set when a partner sent the dispute to us (转入).
    public var referral: MediationReferralSubmission?

    public init(caseNumber: String? = nil, specialty: String? = nil, facts: String? = nil, amountFen: Int64? = nil,
                areaCode: String? = nil, organizationId: Int64? = nil, mediatorId: Int64? = nil,
                parties: [MediationPartySubmission]? = nil, referral: MediationReferralSubmission? = nil) {
        self.caseNumber = caseNumber
        self.specialty = specialty
        self.facts = facts
        self.amountFen = amountFen
        self.areaCode = areaCode
        self.organizationId = organizationId
        self.mediatorId = mediatorId
        self.parties = parties
        self.referral = referral
    }

    /// The case engine's description limit: the facts become the description of a directly opened case.
    public static let factsLimit = 2000
    public static let partyLimit = 20
    /// 一万亿元, in fen.
    public static let largestAmountFen: Int64 = 100_000_000_000_000

    /// Checks every field and lists every problem (the organisation, mediator, area and case are the
    /// services' to look up).
    public func validate(now: Date) throws(DomainError) -> ValidatedMediationOpening {
        var errors: [FieldError] = []
        let caseNumber = InputRules.text(self.caseNumber)
        let fromCase = caseNumber != nil
        if let caseNumber, CaseNumber(caseNumber) == nil {
            errors.append(.invalid("caseNumber", label: "案件编号"))
        }
        var specialty: MediationSpecialty?
        if let raw = InputRules.text(self.specialty) {
            specialty = MediationSpecialty(named: raw)
            if specialty == nil { errors.append(FieldError(field: "specialty", code: "unknown", message: "没有这种纠纷类型")) }
        } else {
            errors.append(.required("specialty", label: "纠纷类型"))
        }
        let facts = InputRules.text(self.facts)
        if let facts {
            if facts.count < 5 {
                errors.append(FieldError(field: "facts", code: "too_short", message: "请把纠纷事实写具体一些(至少5个字)"))
            } else if facts.count > Self.factsLimit {
                errors.append(.tooLong("facts", label: "纠纷事实", max: Self.factsLimit))
            }
        } else if !fromCase {
            errors.append(.required("facts", label: "纠纷事实"))
        }
        let amount = amountFen ?? 0
        if amount < 0 || amount > Self.largestAmountFen {
            errors.append(FieldError(field: "amountFen", code: "out_of_range", message: "涉及金额应在0至1万亿元之间"))
        }
        var area: AreaCode?
        if let raw = InputRules.text(areaCode) {
            area = AreaCode(raw)
            if area == nil { errors.append(.invalid("areaCode", label: "纠纷所在区域编码")) }
        } else if !fromCase {
            errors.append(.required("areaCode", label: "纠纷所在区域"))
        }
        if organizationId == nil, mediatorId == nil {
            errors.append(.required("organizationId", label: "调解组织"))
        }
        var parties: [MediationParty] = []
        let submitted = self.parties ?? []
        if submitted.count > Self.partyLimit {
            errors.append(FieldError(field: "parties", code: "too_many", message: "当事人最多\(Self.partyLimit)个"))
        }
        for (index, party) in submitted.prefix(Self.partyLimit).enumerated() {
            if let valid = party.validate(index: index, errors: &errors) { parties.append(valid) }
        }
        if !fromCase || !submitted.isEmpty, errors.allSatisfy({ !$0.field.hasPrefix("parties") }) {
            if !parties.contains(where: { $0.side == .applicant }) {
                errors.append(FieldError(field: "parties", code: "applicant_required", message: "请至少填写一名申请人"))
            }
            if !parties.contains(where: { $0.side == .respondent }) {
                errors.append(FieldError(field: "parties", code: "respondent_required", message: "请至少填写一名被申请人"))
            }
        }
        var referral: ValidatedMediationReferral?
        if let submitted = self.referral, !submitted.isBlank {
            if fromCase {
                errors.append(FieldError(field: "referral", code: "conflict", message: "转入的纠纷另行立案,不能同时填写案件编号"))
            } else {
                do { referral = try submitted.validate(now: now, prefix: "referral.") } catch {
                    if case .validation(let found) = error { errors += found }
                }
            }
        }
        guard errors.isEmpty, let specialty else { throw .validation(errors) }
        return ValidatedMediationOpening(
            caseNumber: caseNumber, specialty: specialty, facts: facts, amountFen: amount, areaCode: area,
            organizationId: organizationId, mediatorId: mediatorId, parties: parties, referral: referral)
    }
}
