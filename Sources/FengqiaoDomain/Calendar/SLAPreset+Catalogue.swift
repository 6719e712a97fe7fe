import Foundation

extension SLAPreset {
    /// Every preset the platform ships: three hotline presets, then 信访 and 人民调解 per urgency.
    public static let catalogue: [SLAPreset] =
        Urgency.allCases.map(hotline) + Urgency.allCases.map(petition) + Urgency.allCases.map(peopleMediation)

    /// 12345-style limits; configurable defaults, not law.
    static func hotline(_ urgency: Urgency) -> SLAPreset {
        let limits: [ClockKind: ClockLimit] =
            switch urgency {
            case .critical:
                [
                    .acceptance: .workingHours(1), .dispatch: .workingHours(1), .signFor: .workingHours(1),
                    .handling: .workingDays(1), .verification: .workingDays(1), .reply: .workingDays(1),
                    .revisit: .workingDays(3),
                ]
            case .urgent:
                [
                    .acceptance: .workingHours(2), .dispatch: .workingHours(2), .signFor: .workingHours(2),
                    .handling: .workingDays(3), .verification: .workingDays(2), .reply: .workingDays(1),
                    .revisit: .workingDays(3),
                ]
            case .normal:
                [
                    .acceptance: .workingHours(4), .dispatch: .workingHours(4), .signFor: .workingHours(4),
                    .handling: .workingDays(15), .verification: .workingDays(3), .reply: .workingDays(2),
                    .revisit: .workingDays(5),
                ]
            }
        return SLAPreset(
            category: .hotline, urgency: urgency, name: "热线诉求·\(urgency.chineseName)", limits: limits,
            basis: "参照12345政务服务便民热线通行做法设定的默认时限,各中心可调整")
    }

    /// 信访: 15 working days to decide on acceptance, 60 to handle, at most 30 more; other stages as hotline.
    static func petition(_ urgency: Urgency) -> SLAPreset {
        var limits = hotline(urgency).limits
        limits[.acceptance] = .workingDays(15)
        limits[.handling] = .workingDays(60)
        return SLAPreset(
            category: .petition, urgency: urgency, name: "信访事项·\(urgency.chineseName)", limits: limits,
            maximumExtension: .workingDays(30),
            basis: "《信访工作条例》:收到之日起15日内决定是否受理并告知;受理之日起60日内办结,"
                + "经批准可延长,延长不超过30日。按工作日计算(法定节假日不计,调休上班日计入);其余环节采用热线默认时限")
    }

    /// 人民调解: 30 days to mediate; other stages as hotline.
    static func peopleMediation(_ urgency: Urgency) -> SLAPreset {
        var limits = hotline(urgency).limits
        limits[.handling] = .calendarDays(30)
        return SLAPreset(
            category: .peopleMediation, urgency: urgency, name: "人民调解·\(urgency.chineseName)", limits: limits,
            basis: "司法部《人民调解工作若干规定》:调解纠纷一般在一个月内调结,按30日计;其余环节采用热线默认时限")
    }
}
