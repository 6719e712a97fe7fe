import FengqiaoDomain
import FengqiaoServices
import Foundation

extension CaseCommandInput {
    /// The body of a case command posted from the case page: the same field names as the JSON body
    /// (`reason`, `lead`, `deadline` …), so that the form and the API accept the same fields. Times are
    /// `datetime-local` values in Beijing time (or days, meaning the end of that day); lists repeat their
    /// name (`assisting`, `departments`, `evidence`); `pass` and `isPublic` take `true`/`false`.
    /// Malformed numbers, times and choices are field errors.
    static func body(_ form: FormFields) throws(DomainError) -> CaseCommandBody {
        var errors: [FieldError] = []
        func text(_ name: String) -> String? {
            guard let value = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        func id(_ name: String, _ label: String) -> Int64? {
            guard let value = text(name) else { return nil }
            guard let id = Int64(value), id > 0 else {
                errors.append(.invalid(name, label: label))
                return nil
            }
            return id
        }
        func ids(_ name: String, _ label: String) -> [Int64]? {
            let values = form.all(name).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { return nil }
            let parsed = values.compactMap { Int64($0) }.filter { $0 > 0 }
            if parsed.count != values.count { errors.append(.invalid(name, label: label)) }
            return parsed
        }
        func time(_ name: String, _ label: String) -> Date? {
            guard let value = text(name) else { return nil }
            guard let date = Self.beijingTime(value) else {
                errors.append(FieldError(field: name, code: "invalid_format", message: "\(label)格式应为“2026-03-01T09:30”"))
                return nil
            }
            return date
        }
        func flag(_ name: String, _ label: String) -> Bool? {
            switch text(name) {
            case nil: return nil
            case "true", "1", "on": return true
            case "false", "0", "off": return false
            default:
                errors.append(.invalid(name, label: label))
                return nil
            }
        }
        var body = CaseCommandBody()
        body.kind = text("kind")
        body.category = text("category")
        body.urgency = text("urgency")
        body.tier = text("tier")
        body.slaPreset = text("slaPreset")
        body.reason = text("reason")
        body.channel = text("channel")
        body.into = text("into")
        body.result = text("result")
        let evidence = form.all("evidence").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        body.evidence = evidence.isEmpty ? nil : evidence
        body.lead = id("lead", "主办部门")
        body.assisting = ids("assisting", "协办部门")
        body.deadline = time("deadline", "办理时限")
        body.overrideReason = text("overrideReason")
        body.ruling = text("ruling")
        body.outcome = text("outcome")
        body.note = text("note")
        body.departments = ids("departments", "被召集的部门")
        body.checkInDue = time("checkInDue", "报到时限")
        body.department = id("department", "报到部门")
        body.until = time("until", "延期至")
        body.isPublic = flag("isPublic", "是否公开")
        body.waivedAssisting = ids("waivedAssisting", "免于协办的部门")
        body.pass = flag("pass", "核查结论")
        body.reply = text("reply")
        body.satisfaction = text("satisfaction")
        body.responseDue = time("responseDue", "答复期限")
        if let number = text("number") {
            if let value = Int(number), value > 0 { body.number = value } else { errors.append(.invalid("number", label: "督办序号")) }
        }
        body.response = text("response")
        guard errors.isEmpty else { throw .validation(errors) }
        return body
    }

    /// `2026-03-01T09:30` (or with seconds) or `2026-03-01` (the end of that day), in Beijing time.
    static func beijingTime(_ text: String) -> Date? {
        if text.count == 10 { return ChinaTime.date(ofDay: text).map { $0.addingTimeInterval(86_399) } }
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = ChinaTime.date(ofDay: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0] ?? -1, minute = clock[1] ?? -1, second = clock.count == 3 ? clock[2] ?? -1 : 0
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        return day.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second))
    }
}
