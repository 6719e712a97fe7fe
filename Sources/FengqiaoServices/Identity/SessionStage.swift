/// How far a session got through sign-in. Only an `active` session is signed in; the others are
/// half-open after a correct password and reach only their own step.
public enum SessionStage: String, Sendable, Hashable, CaseIterable {
    case active
    /// A one-time code from the account's authenticator is due.
    case totp
    /// The role requires two-factor sign-in and the account has none yet: it must enrol first.
    case enrol
}
