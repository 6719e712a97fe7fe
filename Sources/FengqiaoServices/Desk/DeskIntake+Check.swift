import FengqiaoDomain
import Foundation

extension DeskIntake {
    /// A draft that passed every check: the opening the engine will insert (its category from the edited
    /// tree) and the channel's details.
    struct Checked: Sendable {
        var opening: CaseEngine.CheckedOpening
        var details: IntakeDetails
    }

    /// Checks every field of `draft` and lists every problem at once: the channel's details, the category,
    /// numbers, the matter and its parties as the engine checks them, where it is filed (a grid of the
    /// operator's jurisdiction, or an address found in it) and, for a letter, its scanned pages.
    static func check(_ draft: DeskDraft, now: Date, tree: CaseCategoryTree, staff: Staff, atlas: AreaAtlas)
        throws -> Checked
    {
        var errors: [FieldError] = []
        var details: IntakeDetails?
        do { details = try draft.details.validate(now: now) } catch { try collect(error, into: &errors) }
        var category: CaseCategory?
        switch IntakeCategory.resolve(kind: nil, category: draft.category, in: tree) {
        case .success(let found): category = found
        case .failure(let error): errors.append(error)
        }
        let people = number(draft.peopleInvolved, field: "peopleInvolved", label: "涉及人数", range: 1...100_000,
                            errors: &errors)
        let amount = number(draft.amountInvolved.map(Self.plainAmount), field: "amountInvolved", label: "涉及金额(元)",
                            range: 0...CaseEngine.largestAmount, errors: &errors)
        // The first applicant is the contact for the reply and the revisit; the caller, for a call.
        let applicant = draft.parties.first { ($0.side ?? "applicant") == "applicant" }
        let applicantPhone = applicant?.phone.flatMap(PhoneNumber.init)?.rawValue
        let opening = CaseOpening(
            channel: details?.channel.rawValue ?? Channel.walkIn.rawValue,
            kind: category?.kind.rawValue ?? CaseKind.dispute.rawValue, urgency: draft.urgency,
            description: draft.description, address: draft.address, gridCode: draft.gridCode,
            contactName: applicant?.name.flatMap { $0.count <= 30 ? $0 : nil },
            contactPhone: applicantPhone ?? details?.callerPhone?.rawValue, peopleInvolved: people.map(Int.init),
            amountInvolved: amount, parties: draft.parties, reportedAt: details?.calledAt)
        var checked: CaseEngine.CheckedOpening?
        do { checked = try CaseEngine.check(opening, now: now) } catch { try collect(error, into: &errors) }
        if let report = checked?.report {
            do {
                _ = try CaseEngine.filing(report, staff: staff, atlas: atlas)
            } catch let error as DomainError {
                var placing: [FieldError] = []
                try collect(error, into: &placing)
                errors += placing.map {
                    $0.field == "location"
                        ? FieldError(field: "gridCode", code: "unknown", message: "请选择本辖区内的网格,或填写本辖区内能识别的地址")
                        : $0
                }
            }
        }
        if draft.details.channel == Channel.letter.rawValue, draft.pages.isEmpty {
            errors.append(FieldError(field: "pageFiles", code: "required", message: "请上传来信扫描件(PDF、JPEG 或 PNG)"))
        }
        if draft.pages.count > maximumPages {
            errors.append(FieldError(field: "pageFiles", code: "too_many", message: "扫描件最多\(maximumPages)个文件"))
        }
        guard errors.isEmpty, var opening = checked, let details, let category else {
            throw DomainError.validation(errors)
        }
        opening.report.category = category.name
        return Checked(opening: opening, details: details)
    }

    /// A whole number in `range` from optional text; blank is nil.
    static func number(_ text: String?, field: String, label: String, range: ClosedRange<Int64>,
                       errors: inout [FieldError]) -> Int64?
    {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            errors.append(FieldError(field: field, code: "out_of_range",
                                     message: "\(label)应为\(range.lowerBound)至\(range.upperBound)之间的整数"))
            return nil
        }
        return value
    }

    /// Adds the field errors of a validation error to `errors`; any other error is thrown on.
    static func collect(_ error: DomainError, into errors: inout [FieldError]) throws(DomainError) {
        guard case .validation(let fields) = error else { throw error }
        errors += fields
    }

    /// `12,000元` → `12000`.
    static func plainAmount(_ text: String) -> String {
        text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "元", with: "").trimmingCharacters(in: .whitespaces)
    }
}
