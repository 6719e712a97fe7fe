import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The forms of the case page: for each command the workflow offers the caller, its fields (named as
/// in the JSON body, so both take the same input), what was typed after a refusal, and the field errors
/// beside their fields.
struct CaseCommandForms {
    /// The form that was posted and refused: its command, what was typed, and the errors.
    struct Refused {
        var name: CaseCommand.Name
        var form: FormFields
        var errors: [FieldError]
    }

    let page: CasePage
    let refused: Refused?
    /// A form to show unfolded (`?open=<command>`, the 待办 queues' links to 退回, 反馈, 督办).
    var unfolded: CaseCommand.Name? = nil

    func forms() -> [[String: Any]] {
        page.offered.map { name in
            let mine = refused?.name == name ? refused : nil
            let fields = self.fields(name)
            let known = Set(fields.map(\.name))
            let general = (mine?.errors ?? []).filter { !known.contains($0.field) }.map(\.message)
            return [
                "command": CaseCommandRequest.kebab(name), "label": name.chineseName, "hint": Self.hint(name) as Any,
                "open": mine != nil || (refused == nil && unfolded == name), "generalErrors": general,
                "fields": fields.map { $0.context(command: CaseCommandRequest.kebab(name), refused: mine) },
            ]
        }
    }

    /// One field of a form.
    struct Field {
        enum Kind { case text, textarea, select, checks, datetime, checkbox }
        var name: String
        var label: String
        var kind: Kind
        var options: [(value: String, label: String)] = []
        /// The value shown before anything was typed.
        var initial: String = ""
        var required = false

        func context(command: String, refused: Refused?) -> [String: Any] {
            let typed = refused.map { $0.form.all(name) }
            let value = typed.map { $0.first ?? "" } ?? initial
            let chosen = Set(typed ?? [initial])
            let errors = (refused?.errors ?? []).filter { $0.field == name }.map(\.message)
            return [
                "id": "f-\(command)-\(name)", "name": name, "label": label, "value": value, "required": required,
                "isText": kind == .text, "isTextarea": kind == .textarea, "isSelect": kind == .select,
                "isChecks": kind == .checks, "isDatetime": kind == .datetime, "isCheckbox": kind == .checkbox,
                "checked": chosen.contains("true"), "invalid": !errors.isEmpty, "errors": errors,
                "options": options.enumerated().map { index, option in
                    ["value": option.value, "label": option.label, "selected": chosen.contains(option.value),
                     "optionID": "f-\(command)-\(name)-\(index)"] as [String: Any]
                },
            ]
        }
    }

    private func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ name: (T) -> String) -> [(value: String, label: String)]
        where T.RawValue == String
    {
        T.allCases.map { ($0.rawValue, name($0)) }
    }

    private var departments: [(value: String, label: String)] {
        page.departments.map { (String($0.id), $0.name) }
    }

    private var channels: [(value: String, label: String)] { choices(ContactChannel.self) { $0.chineseName } }

    func fields(_ name: CaseCommand.Name) -> [Field] {
        let view = page.view
        switch name {
        case .accept:
            return [
                Field(name: "kind", label: "事件类型", kind: .select, options: choices(CaseKind.self) { $0.chineseName },
                      initial: view.kind),
                Field(name: "category", label: "事项分类", kind: .text, initial: view.category),
                Field(name: "urgency", label: "紧急程度", kind: .select, options: choices(Urgency.self) { $0.chineseName },
                      initial: view.urgency),
                Field(name: "tier", label: "办理层级", kind: .select, options: choices(MediationTier.self) { $0.chineseName },
                      initial: view.tier),
            ]
        case .reject:
            return [Field(name: "reason", label: "不予立案理由", kind: .textarea, required: true),
                    Field(name: "channel", label: "告知方式", kind: .select, options: channels, initial: "phone")]
        case .merge: return [Field(name: "into", label: "合并到案件编号", kind: .text, required: true)]
        case .split, .signFor, .approveExtension, .archive: return []
        case .resolveOnSite:
            return [Field(name: "result", label: "化解结果", kind: .textarea, required: true),
                    Field(name: "evidence", label: "佐证(照片编号或签字说明)", kind: .text)]
        case .dispatch:
            return [
                Field(name: "lead", label: "主办部门", kind: .select, options: [("", "请选择")] + departments, required: true),
                Field(name: "assisting", label: "协办部门(可多选)", kind: .checks, options: departments),
                Field(name: "deadline", label: "办理时限(留空按事项预设)", kind: .datetime),
                Field(name: "overrideReason", label: "调整时限的理由", kind: .text),
            ]
        case .returnCase: return [Field(name: "reason", label: "退回理由", kind: .textarea, required: true)]
        case .ruleOnReturn:
            return [
                Field(name: "ruling", label: "裁定", kind: .select,
                      options: [("uphold", "维持原派遣"), ("reassign", "改派")], initial: "uphold"),
                Field(name: "lead", label: "改派的主办部门", kind: .select, options: [("", "(维持时不填)")] + departments),
                Field(name: "assisting", label: "改派的协办部门", kind: .checks, options: departments),
                Field(name: "deadline", label: "办理时限(留空按事项预设)", kind: .datetime),
                Field(name: "overrideReason", label: "调整时限的理由", kind: .text),
            ]
        case .escalate: return [Field(name: "reason", label: "升级理由", kind: .textarea, required: true)]
        case .recordAttempt:
            return [Field(name: "outcome", label: "调解结果", kind: .select,
                          options: choices(AttemptOutcome.self) { $0.chineseName }),
                    Field(name: "note", label: "调解情况", kind: .textarea)]
        case .whistle:
            return [Field(name: "departments", label: "召集部门", kind: .checks, options: departments),
                    Field(name: "checkInDue", label: "报到时限(留空按紧急程度)", kind: .datetime)]
        case .checkIn:
            let pending = (view.whistles ?? []).flatMap(\.departments).filter { $0.state == "pending" || $0.state == "missed" }
            var seen = Set<Int64>()
            let options = pending.filter { seen.insert($0.department).inserted }
                .map { (value: String($0.department), label: $0.name ?? "部门\($0.department)") }
            return [Field(name: "department", label: "报到部门", kind: .select, options: options,
                          initial: options.first?.value ?? "")]
        case .requestExtension:
            return [Field(name: "until", label: "延期至", kind: .datetime, required: true),
                    Field(name: "reason", label: "延期理由", kind: .textarea, required: true)]
        case .denyExtension: return [Field(name: "reason", label: "驳回理由", kind: .textarea, required: true)]
        case .addProgress:
            return [Field(name: "note", label: "办理进展", kind: .textarea, required: true),
                    Field(name: "isPublic", label: "向群众公开", kind: .checkbox)]
        case .feedback:
            let assisting = view.assisting.map { (value: String($0.department), label: $0.name ?? "部门\($0.department)") }
            return [Field(name: "result", label: "办理结果", kind: .textarea, required: true),
                    Field(name: "evidence", label: "佐证(照片编号或材料说明)", kind: .text)]
                + (assisting.isEmpty ? [] : [Field(name: "waivedAssisting", label: "免于协办的部门", kind: .checks,
                                                   options: assisting)])
        case .verify:
            return [Field(name: "pass", label: "核查结论", kind: .select,
                          options: [("true", "通过"), ("false", "不通过,退回重办")], initial: "true"),
                    Field(name: "reason", label: "核查意见(不通过时必填)", kind: .textarea)]
        case .close:
            return [Field(name: "reply", label: "结案答复", kind: .textarea, required: true),
                    Field(name: "channel", label: "答复方式", kind: .select, options: channels, initial: "phone")]
        case .revisit:
            return [Field(name: "satisfaction", label: "满意度", kind: .select,
                          options: choices(Satisfaction.self) { $0.chineseName }, initial: "satisfied"),
                    Field(name: "channel", label: "回访方式", kind: .select, options: channels, initial: "phone")]
        case .supervise:
            return [Field(name: "kind", label: "督办类型", kind: .select,
                          options: choices(SupervisionKind.self) { $0.chineseName }, initial: "reminder"),
                    Field(name: "note", label: "督办意见", kind: .textarea, required: true),
                    Field(name: "responseDue", label: "答复期限(督办、挂牌督办必填)", kind: .datetime)]
        case .respondToSupervision:
            let open = (view.supervisions ?? []).filter { $0.state == "open" || $0.state == "overdue" }
                .map { (value: String($0.number), label: "第\($0.number)号 \($0.kindName)") }
            return [Field(name: "number", label: "督办事项", kind: .select, options: open, initial: open.first?.value ?? ""),
                    Field(name: "response", label: "答复", kind: .textarea, required: true)]
        case .withdraw: return [Field(name: "reason", label: "撤回理由", kind: .textarea, required: true)]
        }
    }

    static func hint(_ name: CaseCommand.Name) -> String? {
        switch name {
        case .signFor: "签收后开始计算办理时限。"
        case .approveExtension: "批准后办理时限顺延至申请的日期。"
        case .split: "撤销合并,案件回到合并前的状态。"
        default: nil
        }
    }
}
