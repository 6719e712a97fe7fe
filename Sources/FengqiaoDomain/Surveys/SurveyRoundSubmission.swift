import Foundation

/// The new-round form as typed: every field text, checked by `validate(now:)`.
public struct SurveyRoundSubmission: Sendable, Hashable, Codable {
    public var title: String?
    /// The county or township surveyed.
    public var areaCode: String?
    public var year: String?
    /// The bimonthly number, 1…6.
    public var period: String?
    public var source: String?
    /// How many numbers to draw in each township of the area.
    public var perTownship: String?

    public init(
        title: String? = nil, areaCode: String?, year: String?, period: String?, source: String?, perTownship: String?
    ) {
        (self.title, self.areaCode, self.year, self.period, self.source, self.perTownship) =
            (title, areaCode, year, period, source, perTownship)
    }

    /// The most numbers a round may draw in one township.
    public static let perTownshipLimit = 1000
    public static let titleLimit = 100

    /// The checked round: a period that has begun by `now`, a known source, 1…1000 numbers per township.
    public func validate(now: Date) throws(DomainError) -> ValidatedSurveyRound {
        var errors: [FieldError] = []
        let area = (areaCode ?? "").trimmingCharacters(in: .whitespaces)
        if area.isEmpty { errors.append(FieldError(field: "areaCode", code: "required", message: "请选择调查区域")) }
        var window: SurveyPeriod?
        let yearText = (year ?? "").trimmingCharacters(in: .whitespaces)
        let periodText = (period ?? "").trimmingCharacters(in: .whitespaces)
        if yearText.isEmpty {
            errors.append(FieldError(field: "year", code: "required", message: "请填写调查年度"))
        } else if periodText.isEmpty {
            errors.append(FieldError(field: "period", code: "required", message: "请选择期次"))
        } else if let y = Int(yearText), (2000...2100).contains(y) {
            if let n = Int(periodText), let found = SurveyPeriod(year: y, number: n) {
                if found.start > now {
                    errors.append(FieldError(field: "period", code: "not_started", message: "该期调查时段尚未开始"))
                } else {
                    window = found
                }
            } else {
                errors.append(FieldError(field: "period", code: "invalid", message: "期次应为1至6(每两月一期)"))
            }
        } else {
            errors.append(FieldError(field: "year", code: "invalid", message: "调查年度应为2000至2100之间的年份"))
        }
        let kind = SurveySampleSource(rawValue: source ?? "")
        if kind == nil {
            errors.append((source ?? "").isEmpty
                ? FieldError(field: "source", code: "required", message: "请选择抽样来源")
                : FieldError(field: "source", code: "invalid", message: "抽样来源不在可选项内"))
        }
        let size = Int((perTownship ?? "").trimmingCharacters(in: .whitespaces))
        if size == nil || !(1...Self.perTownshipLimit).contains(size ?? 0) {
            errors.append(FieldError(field: "perTownship", code: "invalid",
                                     message: "每个乡镇(街道)的样本量应为1至\(Self.perTownshipLimit)之间的整数"))
        }
        let typed = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if typed.count > Self.titleLimit { errors.append(.tooLong("title", label: "调查名称", max: Self.titleLimit)) }
        guard errors.isEmpty, let window, let kind, let size else { throw .validation(errors) }
        return ValidatedSurveyRound(title: typed.isEmpty ? window.defaultTitle : typed, areaCode: area, period: window,
                                    source: kind, perTownship: size)
    }
}
