import FengqiaoDomain

/// An RFC 9457 problem document (`application/problem+json`) with Fengqiao's stable `code`,
/// the request id, and for validation failures the offending fields.
struct ProblemDetails: Codable, Sendable, Equatable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var code: String
    var requestId: String?
    var errors: [FieldError]?
}
