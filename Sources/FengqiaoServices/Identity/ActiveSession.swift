import FengqiaoDomain

/// A valid session: who is signed in, the token their forms must echo, and how far sign-in got
/// (anything but `.active` is a half-open session that may only finish signing in).
public struct ActiveSession: Sendable, Hashable {
    public let staff: Staff
    public let csrfToken: String
    public let stage: SessionStage

    public init(staff: Staff, csrfToken: String, stage: SessionStage = .active) {
        self.staff = staff
        self.csrfToken = csrfToken
        self.stage = stage
    }

    public var isActive: Bool { stage == .active }
}
