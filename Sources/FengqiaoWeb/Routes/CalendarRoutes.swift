import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The holiday calendar: JSON for staff who see or configure cases, and the administrators' page
/// (`configureCases`) listing each year's holidays with a form to paste or upload a year's schedule.
struct CalendarRoutes {
    let platform: Platform
    let views: Views

    /// One year in the list, without the notice's full text.
    struct YearSummary: Encodable {
        var year: Int
        var builtIn: Bool
        var edited: Bool
        var origin: String
        var source: String
        var documentNumber: String?
        var issued: CivilDate?
        var holidays: Int
        var holidayDays: Int
        var makeUpWorkdays: Int
        var updatedBy: String?
        var updatedAt: Date?

        init(_ year: HolidayYear) {
            self.year = year.year
            self.builtIn = year.builtIn
            self.edited = year.edited
            self.origin = year.originName
            self.source = year.schedule.source.title
            self.documentNumber = year.schedule.source.documentNumber
            self.issued = year.schedule.source.issued
            self.holidays = year.schedule.holidays.count
            self.holidayDays = year.schedule.holidayDays.count
            self.makeUpWorkdays = year.schedule.makeUpWorkdays.count
            self.updatedBy = year.updatedBy
            self.updatedAt = year.updatedAt
        }
    }

    func add(to routes: inout RouteTable) {
        let calendar = HolidayCalendar(platform: platform)
        routes.get("/api/v1/calendar") { _, context in
            let years = try await calendar.years(caller: try context.caller())
            return try JSONResponse.encode(["years": years.map(YearSummary.init)])
        }
        routes.get("/api/v1/calendar/{year}") { _, context in
            let caller = try context.caller()
            return try JSONResponse.encode(try await calendar.year(try Self.year(context), caller: caller).schedule)
        }
        routes.on("/api/v1/calendar/{year}", method: .put) { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            let year = try Self.year(context)
            let schedule = try await request.decodeJSON(as: HolidaySchedule.self, context: context)
            guard schedule.year == year else {
                throw DomainError.validation([FieldError(
                    field: "year", code: "mismatch", message: "请求地址中的年份(\(year))与内容中的年份(\(schedule.year))不一致")])
            }
            return try JSONResponse.encode(YearSummary(try await calendar.save(schedule, by: caller)))
        }
        routes.get("/admin/calendar") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            let saved = request.uri.queryParameters["saved"].flatMap { Int($0) }
            return try await page(calendar, caller: caller, context: context, saved: saved)
        }
        routes.post("/admin/calendar") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            var request = request
            let text = try await Self.submittedText(&request, context: context)
            let schedule: HolidaySchedule
            do {
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw DomainError.validation([
                        FieldError(field: "schedule", code: "required", message: "请粘贴节假日安排的 JSON,或选择 JSON 文件上传"),
                    ])
                }
                do {
                    schedule = try JSONDecoder().decode(HolidaySchedule.self, from: Data(text.utf8))
                } catch let error as DecodingError {
                    throw DomainError.validation([FieldError(
                        field: "schedule", code: "malformed_json", message: Self.describe(error))])
                }
                try await calendar.save(schedule, by: caller)
            } catch DomainError.validation(let errors) {
                return try await page(calendar, caller: caller, context: context, errors: errors, text: text)
            }
            return .redirect(to: "/admin/calendar?saved=\(schedule.year)", type: .normal)
        }
    }

    /// The schedule's JSON from the form: an uploaded file when one was chosen, else the text box.
    /// Accepts multipart (with a file) and plain URL-encoded forms.
    static func submittedText(_ request: inout Request, context: AppRequestContext) async throws -> String {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
            return FormFields(String(buffer: body))["schedule"] ?? ""
        }
        let form = try MultipartForm(body, boundary: boundary)
        if let file = form["file"], !file.data.isEmpty {
            return String(decoding: file.data, as: UTF8.self)
        }
        return form.text("schedule") ?? ""
    }

    static func year(_ context: AppRequestContext) throws -> Int {
        guard let year = Int(try context.parameters.require("year")), (1...9999).contains(year) else {
            throw DomainError.notFound(what: "该年份的节假日安排")
        }
        return year
    }

    /// A decoding error in Chinese, naming the field and, for a date, the expected form.
    static func describe(_ error: DecodingError) -> String {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            return "内容不是有效的 JSON,请检查括号、引号和逗号"
        }
        if case .dataCorrupted(let context) = error, !context.debugDescription.isEmpty,
           context.debugDescription.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        {
            return "字段 \(ErrorMapping.path(context.codingPath)):\(context.debugDescription)"
        }
        return ErrorMapping.describe(error)
    }

    private func page(
        _ calendar: HolidayCalendar, caller: Caller, context: AppRequestContext, errors: [FieldError] = [],
        text: String? = nil, saved: Int? = nil
    ) async throws -> Response {
        let years = try await calendar.years(caller: caller)
        let currentYear = CivilDate(containing: platform.clock.now()).year
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let template = years.last.map { String(decoding: (try? encoder.encode($0.schedule)) ?? Data(), as: UTF8.self) }
        let missing = [currentYear, currentYear + 1].filter { year in !years.contains { $0.year == year } }
        return try views.page("calendar", [
            "saved": saved as Any,
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "currentYear": currentYear,
            "missing": missing.map { ["year": $0] },
            "text": text ?? "",
            "template": template ?? "",
            "years": years.reversed().map { year -> [String: Any] in
                let schedule = year.schedule
                return [
                    "year": year.year, "origin": year.originName, "edited": year.edited,
                    "past": year.year < currentYear,
                    "title": schedule.source.title, "documentNumber": schedule.source.documentNumber as Any,
                    "issued": schedule.source.issued.map(\.description) as Any,
                    "sourceText": schedule.source.text,
                    "updatedBy": year.updatedBy as Any,
                    "updatedAt": year.updatedAt.map(TokenRoutes.time) as Any,
                    "holidays": schedule.holidays.map { holiday -> [String: Any] in
                        [
                            "name": holiday.name,
                            "first": Self.day(holiday.firstDay), "last": Self.day(holiday.lastDay),
                            "days": holiday.days.count,
                            "makeUp": holiday.makeUpWorkdays.isEmpty
                                ? "不调休" : holiday.makeUpWorkdays.map(Self.day).joined(separator: "、"),
                        ]
                    },
                    "json": String(decoding: (try? encoder.encode(schedule)) ?? Data(), as: UTF8.self),
                ]
            },
        ], status: errors.isEmpty ? .ok : .unprocessableContent, session: context.session)
    }

    /// `2026-02-14(周六)`.
    static func day(_ day: CivilDate) -> String { "\(day)(\(day.weekdayName))" }
}
