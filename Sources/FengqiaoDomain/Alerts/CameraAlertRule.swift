import Foundation

/// How alerts of one type are taken in: at or above `threshold` confidence an alert becomes a case at
/// once, below it waits for an operator to confirm or dismiss it; alerts of the type from the same camera
/// within `windowMinutes` of the last one fold into it.
public struct CameraAlertRule: Sendable, Hashable, Codable {
    public var eventType: CameraEventType
    /// 0…1: the confidence from which a case is opened without an operator.
    public var threshold: Double
    /// The urgency of the case opened.
    public var urgency: Urgency
    /// Minutes within which a repeat from the same camera folds into the open alert or case.
    public var windowMinutes: Int

    public static let windowRange = 1...1440
    public static let defaultWindowMinutes = 30

    public init(eventType: CameraEventType, threshold: Double, urgency: Urgency, windowMinutes: Int) {
        self.eventType = eventType
        self.threshold = threshold
        self.urgency = urgency
        self.windowMinutes = windowMinutes
    }

    /// The rule in force until an administrator saves one: fire and smoke open a case from 0.6 and are
    /// 特急; hazards indoors and on fire lanes are 紧急; the rest need 0.8 and are 一般.
    public static func standard(_ type: CameraEventType) -> CameraAlertRule {
        let threshold = type == .smokeFire ? 0.6 : 0.8
        let urgency: Urgency = switch type {
        case .smokeFire: .critical
        case .eBikeIndoors, .fireLaneBlocked, .waterlogging: .urgent
        case .illegalParking, .streetVending, .garbageExposed: .normal
        }
        return CameraAlertRule(eventType: type, threshold: threshold, urgency: urgency, windowMinutes: defaultWindowMinutes)
    }

    /// Whether an alert with `confidence` becomes a case without an operator.
    public func opensCase(confidence: Double) -> Bool { confidence >= threshold }

    /// The folding window in seconds.
    public var window: TimeInterval { TimeInterval(windowMinutes) * 60 }

    /// The rule for `type` as an administrator typed it (threshold `0.85`, urgency code, minutes), or
    /// every field error at once.
    public static func validated(
        _ type: CameraEventType, threshold: String?, urgency: String?, windowMinutes: String?
    ) throws(DomainError) -> CameraAlertRule {
        var errors: [FieldError] = []
        var level: Double?
        if let raw = InputRules.text(threshold) {
            if let value = Double(raw), value.isFinite, (0...1).contains(value) { level = value } else {
                errors.append(FieldError(field: "threshold", code: "out_of_range", message: "立案阈值须为 0 到 1 之间的小数,如 0.8"))
            }
        } else {
            errors.append(.required("threshold", label: "立案阈值"))
        }
        var chosen: Urgency?
        if let raw = InputRules.text(urgency) {
            chosen = Urgency(rawValue: raw)
            if chosen == nil { errors.append(FieldError(field: "urgency", code: "invalid_choice", message: "紧急程度不在可选范围内")) }
        } else {
            errors.append(.required("urgency", label: "紧急程度"))
        }
        var minutes: Int?
        if let raw = InputRules.text(windowMinutes) {
            if let value = Int(raw), windowRange.contains(value) { minutes = value } else {
                errors.append(FieldError(field: "windowMinutes", code: "out_of_range",
                                         message: "合并时间窗须为 \(windowRange.lowerBound) 到 \(windowRange.upperBound) 之间的整数分钟"))
            }
        } else {
            errors.append(.required("windowMinutes", label: "合并时间窗"))
        }
        guard errors.isEmpty, let level, let chosen, let minutes else { throw .validation(errors) }
        return CameraAlertRule(eventType: type, threshold: level, urgency: chosen, windowMinutes: minutes)
    }
}
