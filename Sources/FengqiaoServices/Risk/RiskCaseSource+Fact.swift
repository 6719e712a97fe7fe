import FengqiaoDomain
import FengqiaoStore
import Foundation

extension RiskCaseSource {
    /// The case as the rules see it. The respondent is a registered organisation (`org:<id>`) when there is one,
    /// else the respondent's or 被反映机关's name; the applicant is a resident (`person:<id>`), else a petitioner's
    /// ID-number blind index (`id:<index>`); the tags are the sensitive ones of everybody involved.
    var riskFact: RiskCaseFact {
        let respondentParty = parties.first { $0.side == "respondent" }
        let respondentName = (respondentParty?.name ?? respondentOrgan)?.trimmingCharacters(in: .whitespacesAndNewlines)
        let respondent = (respondentOrganizationId ?? respondentParty?.organizationId).map { "org:\($0)" }
            ?? respondentName.flatMap { $0.isEmpty ? nil : "name:\($0)" }
        let applicantPerson = applicantPersonId ?? parties.first { $0.side == "applicant" && $0.personId != nil }?.personId
            ?? petitionerPersonId
        let applicant = applicantPerson.map { "person:\($0)" } ?? petitionerIdIndex.map { "id:\($0)" }
        let tags = Set(personTags.values.flatMap { stored in
            stored.split(separator: ",").compactMap { PersonTag(rawValue: String($0)) }.filter(\.isSensitive)
        })
        return RiskCaseFact(
            caseId: caseId, number: number, areaCode: areaCode, gridCode: gridCode, address: address, category: category,
            respondentKey: respondent, applicantKey: applicant, peopleInvolved: peopleInvolved, amountInvolved: amountInvolved,
            text: description, reportedAt: reportedAt, reportedDay: reportedDay, personTags: tags)
    }
}

extension RiskFactRecord {
    init(_ fact: RiskCaseFact) {
        self.init(
            caseId: fact.caseId, areaCode: fact.areaCode, gridCode: fact.gridCode, addressKey: fact.addressKey,
            category: fact.category, respondentKey: fact.respondentKey, applicantKey: fact.applicantKey,
            peopleInvolved: fact.peopleInvolved, amountInvolved: fact.amountInvolved,
            tags: fact.personTags.map(\.rawValue).sorted().joined(separator: ","), reportedAt: fact.reportedAt,
            reportedDay: fact.reportedDay)
    }

    /// The stored fact as the rules see it (without text: the group rules do not read it; the address is its key).
    var riskFact: RiskCaseFact {
        RiskCaseFact(
            caseId: caseId, number: "", areaCode: areaCode, gridCode: gridCode, address: addressKey, category: category,
            respondentKey: respondentKey, applicantKey: applicantKey, peopleInvolved: peopleInvolved,
            amountInvolved: amountInvolved, reportedAt: reportedAt, reportedDay: reportedDay,
            personTags: Set(tags.split(separator: ",").compactMap { PersonTag(rawValue: String($0)) }))
    }
}
