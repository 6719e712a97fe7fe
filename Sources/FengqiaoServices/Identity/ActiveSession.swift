import FengqiaoDomain

/// A valid session: who is signed in and the token their forms must echo.
public struct ActiveSession: Sendable, Hashable {
    public let staff: Staff
    public let csrfToken: String

    public init(staff: Staff, csrfToken: String) {
        self.staff = staff
        self.csrfToken = csrfToken
    }
}
