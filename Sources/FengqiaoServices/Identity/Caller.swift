import FengqiaoDomain

/// Who is asking and from where: a signed-in member of staff and the client's address, which the
/// audit log records.
public struct Caller: Sendable, Hashable {
    public let staff: Staff
    public let ip: String

    public init(staff: Staff, ip: String) {
        self.staff = staff
        self.ip = ip
    }
}
