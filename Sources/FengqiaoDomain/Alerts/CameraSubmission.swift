import Foundation

/// A camera as an administrator registers or changes it, before validation (form fields as typed).
public struct CameraSubmission: Sendable, Codable, Equatable {
    /// The algorithm platform's camera id (GB/T 28181 codes are 20 digits; anything of letters, digits
    /// and `-_.:` up to 64 characters is taken).
    public var code: String?
    public var name: String?
    /// The grid (or micro-grid) the camera watches: its alerts are filed there.
    public var gridCode: String?
    public var latitude: String?
    public var longitude: String?
    public var active: Bool

    public init(
        code: String? = nil, name: String? = nil, gridCode: String? = nil, latitude: String? = nil,
        longitude: String? = nil, active: Bool = true
    ) {
        self.code = code
        self.name = name
        self.gridCode = gridCode
        self.latitude = latitude
        self.longitude = longitude
        self.active = active
    }

    public static let nameLimit = 60

    /// Whether `text` may be a camera code.
    public static func isCameraCode(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || [0x2D, 0x5F, 0x2E, 0x3A].contains(byte)
        }
    }

    /// Checks every field and returns the camera, or throws `DomainError.validation` listing all problems.
    public func validate() throws(DomainError) -> ValidatedCamera {
        var errors: [FieldError] = []
        var camera: String?
        if let raw = InputRules.text(code) {
            if Self.isCameraCode(raw) { camera = raw } else {
                errors.append(FieldError(field: "code", code: "invalid_format",
                                         message: "摄像头编号只能由字母、数字和 - _ . : 组成,不超过64位"))
            }
        } else {
            errors.append(.required("code", label: "摄像头编号"))
        }
        let name = InputRules.required(self.name, field: "name", label: "摄像头名称", max: Self.nameLimit, errors: &errors)
        let grid = InputRules.gridCode(gridCode, errors: &errors)
        var point: Coordinate?
        switch (InputRules.text(latitude), InputRules.text(longitude)) {
        case (nil, nil): break
        case (let lat?, let lon?):
            if let lat = Double(lat), let lon = Double(lon), Coordinate(latitude: lat, longitude: lon).isInChina {
                point = Coordinate(latitude: lat, longitude: lon)
            } else {
                errors.append(FieldError(field: "latitude", code: "out_of_range", message: "位置坐标不在有效范围内"))
            }
        case (nil, _): errors.append(FieldError(field: "latitude", code: "required", message: "请同时填写纬度和经度"))
        case (_, nil): errors.append(FieldError(field: "longitude", code: "required", message: "请同时填写纬度和经度"))
        }
        guard errors.isEmpty, let camera, let name, let grid else { throw .validation(errors) }
        return ValidatedCamera(code: camera, name: name, gridCode: grid, location: point, active: active)
    }
}
