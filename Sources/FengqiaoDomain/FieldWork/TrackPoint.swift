import Foundation

/// One point of a patrol's track as the phone recorded it: where and when (milliseconds since 1970).
public struct TrackPoint: Sendable, Equatable, Codable {
    public var latitude: Double?
    public var longitude: Double?
    public var at: Int64?

    public init(latitude: Double? = nil, longitude: Double? = nil, at: Int64? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.at = at
    }

    /// At most this many points in one upload.
    public static let maximumBatch = 500

    /// Checks a batch of points: each in China, each with its time (within `FieldInstant`'s range).
    public static func check(_ points: [TrackPoint], now: Int64) throws(DomainError) -> [(Coordinate, Int64)] {
        var errors: [FieldError] = []
        if points.isEmpty { errors.append(FieldError(field: "points", code: "required", message: "请至少提交一个轨迹点")) }
        if points.count > maximumBatch {
            errors.append(FieldError(field: "points", code: "too_many", message: "一次最多提交\(maximumBatch)个轨迹点"))
        }
        var checked: [(Coordinate, Int64)] = []
        for (index, point) in points.prefix(maximumBatch).enumerated() {
            let field = "points[\(index)]"
            guard let latitude = point.latitude, let longitude = point.longitude,
                  Coordinate(latitude: latitude, longitude: longitude).isInChina
            else {
                errors.append(FieldError(field: field, code: "out_of_range", message: "第\(index + 1)个轨迹点的经纬度缺失或不在中国境内"))
                continue
            }
            guard let at = point.at else {
                errors.append(FieldError(field: field + ".at", code: "required", message: "第\(index + 1)个轨迹点缺少记录时间"))
                continue
            }
            guard let time = FieldInstant.check(at, now: now, field: field + ".at", label: "第\(index + 1)个轨迹点的时间",
                                                errors: &errors)
            else { continue }
            checked.append((Coordinate(latitude: latitude, longitude: longitude), time))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return checked
    }
}
