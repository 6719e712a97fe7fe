import Foundation

/// A request for review (复查) or re-review (复核), or the opinion given on one.
public struct PetitionReviewSubmission: Sendable, Codable, Equatable {
    /// The petitioner's request (why they disagree), for a request.
    public var request: String?
    /// `upheld` | `revised` (维持 / 撤销或变更), for an opinion.
    public var result: String?
    /// The review opinion, for an opinion.
    public var opinion: String?

    public init(request: String? = nil, result: String? = nil, opinion: String? = nil) {
        self.request = request
        self.result = result
        self.opinion = opinion
    }

    public static let textLimit = 2000

    /// The request's text.
    public func validateRequest() throws(DomainError) -> String {
        var errors: [FieldError] = []
        let request = InputRules.required(self.request, field: "request", label: "请求事项和理由", max: Self.textLimit,
                                          errors: &errors)
        guard errors.isEmpty, let request else { throw .validation(errors) }
        return request
    }

    /// The opinion's result and text.
    public func validateOpinion() throws(DomainError) -> (result: PetitionReviewResult, opinion: String) {
        var errors: [FieldError] = []
        var result: PetitionReviewResult?
        if let raw = InputRules.text(self.result) {
            result = PetitionReviewResult(codeOrChineseName: raw)
            if result == nil {
                errors.append(FieldError(field: "result", code: "invalid_choice", message: "结论应为维持或撤销(变更)原处理意见"))
            }
        } else {
            errors.append(.required("result", label: "结论"))
        }
        let opinion = InputRules.required(self.opinion, field: "opinion", label: "意见", max: Self.textLimit, errors: &errors)
        guard errors.isEmpty, let result, let opinion else { throw .validation(errors) }
        return (result, opinion)
    }
}
