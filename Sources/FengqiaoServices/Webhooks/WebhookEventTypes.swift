import FengqiaoDomain

/// The case event types a subscriber may choose, with their Chinese names (the stored type codes of
/// `CaseEvent.Payload`).
public enum WebhookEventTypes {
    public static let names: [(type: String, name: String)] = [
        ("reported", "上报"), ("accepted", "立案"), ("rejected", "不予立案"), ("merged", "合并"), ("split", "拆分"),
        ("resolved_on_site", "就地化解"), ("dispatched", "派遣"), ("signed_for", "签收"), ("returned", "退回"),
        ("return_upheld", "维持原派遣"), ("reassigned", "改派"), ("escalated", "升级"), ("attempt_recorded", "调解记录"),
        ("whistled", "吹哨"), ("checked_in", "报到"), ("extension_requested", "申请延期"), ("extension_approved", "批准延期"),
        ("extension_denied", "驳回延期"), ("progress_added", "办理进展"), ("part_completed", "协办完成"),
        ("feedback_given", "反馈办理结果"), ("verified", "核查通过"), ("verification_failed", "核查不通过"),
        ("closed", "结案"), ("revisited", "回访"), ("supervised", "督办"), ("supervision_answered", "答复督办"),
        ("withdrawn", "撤回"), ("archived", "归档"),
    ]

    /// Every type a subscription may name: the stored codes.
    public static var all: [String] { CaseEvent.Payload.allTypes }

    public static func name(_ type: String) -> String { names.first { $0.type == type }?.name ?? type }
}
