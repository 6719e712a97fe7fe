import Foundation

/// Starting a patrol (开始巡查) as the phone sends it: the phone's name for the patrol (a UUID made on the
/// device, which its track points and its end then name), the grid (or where the worker stands) and when.
public struct PatrolStart: Sendable, Codable, Equatable {
    public var ref: String?
    public var gridCode: String?
    public var latitude: Double?
    public var longitude: Double?
    public var startedAt: Int64?

    public init(ref: String? = nil, gridCode: String? = nil, latitude: Double? = nil, longitude: Double? = nil, startedAt: Int64? = nil) {
        self.ref = ref
        self.gridCode = gridCode
        self.latitude = latitude
        self.longitude = longitude
        self.startedAt = startedAt
    }

    public func validate(now: Int64) throws(DomainError) -> (position: FieldPosition, startedAt: Int64) {
        var errors: [FieldError] = []
        let position = FieldPosition.check(gridCode: gridCode, latitude: latitude, longitude: longitude, errors: &errors)
        let started = FieldInstant.check(startedAt, now: now, field: "startedAt", label: "开始时间", errors: &errors)
        guard errors.isEmpty, let position, let started else { throw .validation(errors) }
        return (position, started)
    }
}
