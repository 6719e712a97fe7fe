import Foundation

/// An alert as an algorithm platform posts it, before validation. Every field is optional here so that
/// validation, not decoding, reports what is missing, field by field.
public struct CameraAlertSubmission: Sendable, Codable, Equatable {
    /// The platform's id of the event: the same id twice is one alert.
    public var eventId: String?
    /// The camera's code as registered (`cameras.code`).
    public var cameraId: String?
    /// A `CameraEventType` code or Chinese name.
    public var eventType: String?
    /// When the camera saw it: ISO 8601 with a time zone (`2026-11-23T10:00:00+08:00`).
    public var occurredAt: String?
    /// The algorithm's confidence, 0…1.
    public var confidence: Double?
    /// The snapshot as base64 (a `data:image/jpeg;base64,` prefix is allowed): JPEG or PNG.
    public var snapshot: String?
    /// Where in the picture: `[x, y, width, height]`, each ≥ 0.
    public var bbox: [Double]?
    public var description: String?

    public init(
        eventId: String? = nil, cameraId: String? = nil, eventType: String? = nil, occurredAt: String? = nil,
        confidence: Double? = nil, snapshot: String? = nil, bbox: [Double]? = nil, description: String? = nil
    ) {
        self.eventId = eventId
        self.cameraId = cameraId
        self.eventType = eventType
        self.occurredAt = occurredAt
        self.confidence = confidence
        self.snapshot = snapshot
        self.bbox = bbox
        self.description = description
    }

    /// The largest snapshot, decoded.
    public static let maximumSnapshotBytes = 2 << 20
    public static let snapshotRule = UploadRule(field: "snapshot", allowed: [.jpeg, .png], maxBytes: maximumSnapshotBytes)
    /// How far ahead of the server's clock an event may be stamped (clock drift), and how old it may be.
    public static let futureTolerance: TimeInterval = 5 * 60
    public static let maximumAge: TimeInterval = 7 * 24 * 3600

    /// Checks every field against `now` and returns the alert, or throws `DomainError.validation`
    /// listing all problems.
    public func validate(now: Date) throws(DomainError) -> ValidatedCameraAlert {
        var errors: [FieldError] = []
        let eventId = Self.identifier(self.eventId, field: "eventId", label: "事件编号", max: 100, errors: &errors)
        var cameraCode: String?
        if let raw = InputRules.text(cameraId) {
            if CameraSubmission.isCameraCode(raw) { cameraCode = raw } else { errors.append(.invalid("cameraId", label: "摄像头编号")) }
        } else {
            errors.append(.required("cameraId", label: "摄像头编号"))
        }
        var type: CameraEventType?
        if let raw = InputRules.text(eventType) {
            type = CameraEventType(codeOrChineseName: raw)
            if type == nil {
                errors.append(FieldError(
                    field: "eventType", code: "invalid_choice",
                    message: "事件类型不在可选范围内,可选:\(CameraEventType.allCases.map { "\($0.rawValue)(\($0.chineseName))" }.joined(separator: "、"))"))
            }
        } else {
            errors.append(.required("eventType", label: "事件类型"))
        }
        let occurred = Self.time(occurredAt, now: now, errors: &errors)
        var level: Double?
        if let confidence {
            if confidence.isFinite, (0...1).contains(confidence) { level = confidence } else {
                errors.append(FieldError(field: "confidence", code: "out_of_range", message: "置信度须在 0 到 1 之间"))
            }
        } else {
            errors.append(.required("confidence", label: "置信度"))
        }
        var box: [Double]?
        if let bbox {
            if bbox.count == 4, bbox.allSatisfy({ $0.isFinite && $0 >= 0 }) { box = bbox } else {
                errors.append(FieldError(field: "bbox", code: "invalid_format", message: "目标框须为 [x, y, 宽, 高] 四个非负数"))
            }
        }
        let text = InputRules.text(description)
        if let text, text.count > 500 { errors.append(.tooLong("description", label: "事件描述", max: 500)) }
        var picture: (data: Data, type: FileType)?
        if let raw = snapshot, !raw.isEmpty {
            do { picture = try Self.image(raw) } catch { if case .validation(let fields) = error { errors += fields } }
        }
        guard errors.isEmpty, let eventId, let cameraCode, let type, let occurred, let level else { throw .validation(errors) }
        return ValidatedCameraAlert(
            eventId: eventId, cameraCode: cameraCode, eventType: type, occurredAt: occurred, confidence: level,
            snapshot: picture?.data, snapshotType: picture?.type, bbox: box, description: text)
    }

    /// A required id of printable characters, at most `max` long.
    static func identifier(_ value: String?, field: String, label: String, max: Int, errors: inout [FieldError]) -> String? {
        guard let text = InputRules.required(value, field: field, label: label, max: max, errors: &errors) else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            errors.append(.invalid(field, label: label))
            return nil
        }
        return text
    }

    /// An ISO 8601 time with a zone, not in the future (beyond clock drift) and not older than a week.
    static func time(_ value: String?, now: Date, errors: inout [FieldError]) -> Date? {
        guard let raw = InputRules.text(value) else {
            errors.append(.required("occurredAt", label: "发生时间"))
            return nil
        }
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard raw.count <= 40, let date = plain.date(from: raw) ?? fractional.date(from: raw) else {
            errors.append(FieldError(field: "occurredAt", code: "invalid_format",
                                     message: "发生时间须为带时区的 ISO 8601 时间,如 2026-11-23T10:00:00+08:00"))
            return nil
        }
        guard date <= now.addingTimeInterval(futureTolerance), date >= now.addingTimeInterval(-maximumAge) else {
            errors.append(FieldError(field: "occurredAt", code: "out_of_range", message: "发生时间不能晚于当前时间,也不能早于7天前"))
            return nil
        }
        return date
    }

    /// The snapshot's bytes and type: base64 (white space ignored), within the size limit, and a JPEG or
    /// PNG by its first bytes whatever the data URL claims.
    static func image(_ text: String) throws(DomainError) -> (data: Data, type: FileType) {
        var bytes = Substring(text)
        if bytes.hasPrefix("data:"), let comma = bytes.firstIndex(of: ",") {
            bytes = bytes[bytes.index(after: comma)...]
        }
        let encoded = String(decoding: bytes.utf8.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }, as: UTF8.self)
        // Refuse an oversized picture before decoding it.
        guard encoded.utf8.count <= (maximumSnapshotBytes + 2) / 3 * 4 else {
            throw .validation([FieldError(field: "snapshot", code: "too_large",
                                          message: "抓拍图片不能超过\(UploadRule.megabytes(maximumSnapshotBytes))")])
        }
        guard let data = Data(base64Encoded: encoded), !data.isEmpty else {
            throw .validation([FieldError(field: "snapshot", code: "invalid_format", message: "抓拍图片须为 Base64 编码的 JPEG 或 PNG")])
        }
        return (data, try snapshotRule.check(data))
    }
}
