import Foundation

/// The typed errors that the services throw. The web layer maps each case to one HTTP status and
/// a stable `code` in a single place; nothing else decides how an error is shown.
public enum DomainError: Error, Sendable, Equatable {
    /// Input failed validation; every offending field is listed.
    case validation([FieldError])
    /// The object does not exist, or exists outside the caller's jurisdiction (never told apart).
    case notFound(what: String)
    /// The request conflicts with the current state (e.g. a duplicate key).
    case conflict(code: String, message: String)
    /// Nobody is signed in, the session ended, or the credentials were wrong (never told apart).
    case unauthenticated(code: String, message: String)
    /// The signed-in role lacks `permission`.
    case forbidden(permission: Permission)
    /// Too many attempts; try again after the given number of seconds.
    case tooManyAttempts(retryAfterSeconds: Int)

    /// Stable machine code for clients.
    public var code: String {
        switch self {
        case .validation: "validation_failed"
        case .notFound: "not_found"
        case .conflict(let code, _): code
        case .unauthenticated(let code, _): code
        case .forbidden: "forbidden"
        case .tooManyAttempts: "too_many_attempts"
        }
    }

    /// Chinese explanation for people.
    public var message: String {
        switch self {
        case .validation(let errors):
            errors.count == 1 ? errors[0].message : "提交的内容有\(errors.count)处需要修改"
        case .notFound(let what): "未找到\(what)"
        case .conflict(_, let message): message
        case .unauthenticated(_, let message): message
        case .forbidden: "您的角色无权办理此事项"
        case .tooManyAttempts(let seconds): "尝试次数过多,请\(max(1, (seconds + 59) / 60))分钟后再试"
        }
    }
}
