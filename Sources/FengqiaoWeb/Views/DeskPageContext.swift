import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The reception desk's pages: the form of a channel (values kept, errors beside their fields), the
/// preview with the likely duplicates, and the receipt.
enum DeskPageContext {
    static let partyRows = 4

    static func form(
        _ draft: DeskDraft, form: DeskForm, pages: [StagedPage], errors: [FieldError]
    ) -> [String: Any] {
        let channel = Channel(rawValue: draft.details.channel ?? "") ?? .walkIn
        func error(_ field: String) -> Any { errors.first { $0.field == field }?.message as Any }
        var parties = draft.parties
        while parties.count < partyRows { parties.append(CaseOpening.Party(side: parties.count < 2 ? "applicant" : "respondent")) }
        return [
            "channel": channel.rawValue, "channelName": channel.chineseName,
            "isWalkIn": channel == .walkIn, "isPhone": channel == .phone, "isLetter": channel == .letter,
            "tabs": IntakeDetailsSubmission.channels.map {
                ["value": $0.rawValue, "name": $0.chineseName, "current": $0 == channel] as [String: Any]
            },
            "visitors": draft.details.visitors ?? "", "visitorsError": error("visitors"),
            "callerPhone": draft.details.callerPhone ?? "", "callerPhoneError": error("callerPhone"),
            "calledAt": draft.details.calledAt ?? "", "calledAtError": error("calledAt"),
            "letterDate": draft.details.letterDate ?? "", "letterDateError": error("letterDate"),
            "categoryError": error("category"),
            "categoryGroups": form.categories.kinds.filter { !$0.categories.isEmpty }.map { branch in
                [
                    "name": branch.name,
                    "categories": branch.categories.map {
                        ["code": $0.code, "name": $0.name, "selected": $0.code == draft.category] as [String: Any]
                    },
                ] as [String: Any]
            },
            "urgencies": Urgency.allCases.map {
                ["value": $0.rawValue, "name": $0.chineseName, "selected": $0.rawValue == (draft.urgency ?? "normal")]
                    as [String: Any]
            },
            "urgencyError": error("urgency"),
            "description": draft.description ?? "", "descriptionError": error("description"),
            "address": draft.address ?? "", "addressError": error("address"),
            "gridCode": draft.gridCode ?? "", "gridCodeError": error("gridCode"),
            "grids": form.grids.map { ["code": $0.code, "name": $0.name] },
            "peopleInvolved": draft.peopleInvolved ?? "", "peopleInvolvedError": error("peopleInvolved"),
            "amountInvolved": draft.amountInvolved ?? "", "amountInvolvedError": error("amountInvolved"),
            "parties": parties.prefix(max(partyRows, draft.parties.count)).enumerated().map { index, party in
                [
                    "index": index, "number": index + 1, "name": party.name ?? "", "phone": party.phone ?? "",
                    "sides": [("applicant", "申请人"), ("respondent", "被申请人")].map {
                        ["value": $0.0, "name": $0.1, "selected": (party.side ?? "applicant") == $0.0] as [String: Any]
                    },
                    "kinds": [("person", "个人"), ("organization", "单位")].map {
                        ["value": $0.0, "name": $0.1, "selected": (party.kind ?? "person") == $0.0] as [String: Any]
                    },
                    "error": nonEmpty(errors.filter { $0.field.hasPrefix("parties[\(index)]") }.map(\.message)
                        .joined(separator: ";")),
                ] as [String: Any]
            },
            "pages": pages.map(page), "pageTokens": pages.map(\.token).joined(separator: ","),
            "pageFilesError": nonEmpty(errors.filter { $0.field == "pageFiles" }.map(\.message).joined(separator: ";")),
            "maxPages": DeskIntake.maximumPages,
            // Every problem once more above the form, so that none goes unseen (e.g. an expired page).
            "errors": errors.map { ["message": $0.message] },
        ]
    }

    static func preview(_ draft: DeskDraft, preview: DeskPreview, key: String) -> [String: Any] {
        let details = draft.details
        var rows: [(String, String)] = [("受理渠道", preview.channelName)]
        if let visitors = details.visitors, details.channel == Channel.walkIn.rawValue { rows.append(("来访人数", visitors)) }
        if details.channel == Channel.phone.rawValue {
            rows.append(("来电号码", details.callerPhone.flatMap(PhoneNumber.init)?.masked ?? ""))
            rows.append(("来电时间", (details.calledAt ?? "").replacingOccurrences(of: "T", with: " ")))
        }
        if details.channel == Channel.letter.rawValue { rows.append(("来信日期", details.letterDate ?? "")) }
        rows += [
            ("事件分类", preview.kindName + " › " + preview.categoryName), ("紧急程度", preview.urgencyName),
            ("所在网格", preview.placeName),
        ]
        if let address = draft.address, !address.isEmpty { rows.append(("地址", address)) }
        rows.append(("反映事项", draft.description ?? ""))
        if let people = draft.peopleInvolved, !people.isEmpty { rows.append(("涉及人数", people)) }
        if let amount = draft.amountInvolved, !amount.isEmpty { rows.append(("涉及金额", amount + " 元")) }
        let parties = draft.parties.map { party in
            let side = party.side == "respondent" ? "被申请人" : "申请人"
            let kind = party.kind == "organization" ? "单位" : "个人"
            return "\(side)(\(kind)):\(party.name ?? "")"
        }
        if !parties.isEmpty { rows.append(("当事人", parties.joined(separator: ";"))) }
        return [
            "rows": rows.map { ["label": $0.0, "value": $0.1] }, "pages": preview.pages.map(page),
            "duplicates": preview.duplicates.map { duplicate in
                [
                    "number": duplicate.number, "stateName": duplicate.stateName, "category": duplicate.category,
                    "description": duplicate.description, "reportedAt": minute(duplicate.reportedAt),
                    "score": duplicate.score, "reasons": duplicate.reasons.joined(separator: "、"),
                ] as [String: Any]
            },
            "key": key, "hidden": hidden(draft),
        ]
    }

    /// The draft as hidden fields, for the confirmation (and for going back to the form).
    static func hidden(_ draft: DeskDraft) -> [[String: String]] {
        let details = draft.details
        var fields: [(String, String?)] = [
            ("channel", details.channel), ("visitors", details.visitors), ("callerPhone", details.callerPhone),
            ("calledAt", details.calledAt), ("letterDate", details.letterDate), ("category", draft.category),
            ("urgency", draft.urgency), ("description", draft.description), ("address", draft.address),
            ("gridCode", draft.gridCode), ("peopleInvolved", draft.peopleInvolved),
            ("amountInvolved", draft.amountInvolved), ("pages", draft.pages.joined(separator: ",")),
        ]
        for (index, party) in draft.parties.enumerated() {
            fields += [("parties[\(index)].side", party.side), ("parties[\(index)].kind", party.kind),
                       ("parties[\(index)].name", party.name), ("parties[\(index)].phone", party.phone)]
        }
        return fields.compactMap { name, value in value.map { ["name": name, "value": $0] } }
    }

    static func receipt(_ receipt: DeskReceipt, trackingURL: String, qrSVG: String, printedAt: Date) -> [String: Any] {
        var rows: [(String, String)] = [("受理渠道", receipt.channelName)]
        if let visitors = receipt.visitors { rows.append(("来访人数", "\(visitors) 人")) }
        if let phone = receipt.callerPhone { rows.append(("来电号码", phone)) }
        if let calledAt = receipt.calledAt { rows.append(("来电时间", minute(calledAt))) }
        if let letterDate = receipt.letterDate { rows.append(("来信日期", letterDate)) }
        rows += [
            ("受理时间", minute(receipt.registeredAt ?? receipt.reportedAt)),
            ("首问负责人", receipt.firstResponder ?? "—"),
            ("事件分类", receipt.kindName + " › " + receipt.category), ("紧急程度", receipt.urgencyName),
            ("所在网格", receipt.placeName),
        ]
        if let address = receipt.address { rows.append(("地址", address)) }
        if !receipt.parties.isEmpty {
            rows.append(("当事人", receipt.parties.map { "\($0.sideName)(\($0.kindName)):\($0.name)" }
                .joined(separator: ";")))
        }
        rows.append(("涉及人数", "\(receipt.peopleInvolved) 人"))
        if let amount = receipt.amountInvolved { rows.append(("涉及金额", "\(amount) 元")) }
        if receipt.pages > 0 { rows.append(("附件", "\(receipt.pages) 个文件")) }
        rows.append(("当前状态", receipt.stateName))
        return [
            "number": receipt.number, "trackingCode": receipt.trackingCode, "trackingURL": trackingURL, "qrSVG": qrSVG,
            "rows": rows.map { ["label": $0.0, "value": $0.1] }, "description": receipt.description,
            "mergedInto": receipt.mergedInto as Any, "printedAt": minute(printedAt),
        ]
    }

    /// nil for an empty text, which a Mustache section would otherwise show.
    static func nonEmpty(_ text: String) -> Any { text.isEmpty ? nil as String? as Any : text }

    static func page(_ page: StagedPage) -> [String: Any] {
        ["token": page.token, "name": page.name, "typeName": page.typeName, "size": sizeText(page.size)]
    }

    static func sizeText(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) : "\(max(1, bytes / 1024)) KB"
    }

    /// `2026-03-01 09:30`, Beijing time.
    static func minute(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.hour, .minute], from: date)
        return ChinaTime.dayString(date) + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// `2026-03-01T09:30` for a `datetime-local` field, Beijing time.
    static func localMinute(_ date: Date) -> String { minute(date).replacingOccurrences(of: " ", with: "T") }
}
