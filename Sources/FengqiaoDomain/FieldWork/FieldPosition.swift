import Foundation

/// Where a piece of field work happened, as the phone gives it: a grid it names, or coordinates the
/// server places on a grid. Checking leaves either a well-formed grid code or a point in China.
public struct FieldPosition: Sendable, Equatable {
    public var gridCode: String?
    public var location: Coordinate?

    /// Reads `gridCode` or `latitude`/`longitude`; one of them is required (`location`/`required`).
    public static func check(
        gridCode: String?, latitude: Double?, longitude: Double?, errors: inout [FieldError]
    ) -> FieldPosition? {
        if let raw = InputRules.text(gridCode) {
            guard let code = InputRules.gridCode(raw, errors: &errors) else { return nil }
            return FieldPosition(gridCode: code.rawValue, location: nil)
        }
        guard let latitude, let longitude else {
            errors.append(FieldError(field: "location", code: "required", message: "请提供所属网格(gridCode)或经纬度(latitude、longitude)"))
            return nil
        }
        let point = Coordinate(latitude: latitude, longitude: longitude)
        guard point.isInChina else {
            errors.append(FieldError(field: "latitude", code: "out_of_range", message: "经纬度不在中国境内,请检查定位"))
            return nil
        }
        return FieldPosition(gridCode: nil, location: point)
    }
}
