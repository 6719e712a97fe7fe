import FengqiaoDomain

/// The audit actions the platform records, with their Chinese names, for the auditor's filter and
/// the columns of the log. Actions missing here (newer features) still show, under their code.
public enum AuditActionCatalog {
    public static let actions: [(code: String, name: String)] = [
        ("session.sign_in", "登录"), ("session.sign_in_failed", "登录失败"), ("session.sign_out", "退出登录"),
        ("session.sign_in_pending", "密码正确,待两步验证"), ("session.totp_failed", "两步验证码错误"),
        ("account.create", "创建账号"), ("account.disable", "停用账号"), ("account.enable", "启用账号"),
        ("account.grant", "授予角色"), ("account.reset_password", "重置密码"), ("account.totp_enable", "启用两步验证"),
        ("account.totp_disable", "关闭两步验证"), ("account.totp_disable_failed", "关闭两步验证失败"),
        ("account.totp_reset", "重置两步验证"), ("account.contact", "设置通知联系方式"),
        ("security_policy.update", "修改安全策略"),
        ("api_token.create", "创建接口令牌"), ("api_token.revoke", "吊销接口令牌"),
        ("webhook.create", "创建Webhook订阅"), ("webhook.disable", "停用Webhook订阅"), ("webhook.retry", "重试Webhook投递"),
        ("case.open", "登记案件"), ("case_attachment.upload", "上传案件附件"),
        ("case_attachment.download", "下载案件附件"),
        ("case_intake.register", "窗口受理登记(来信来电来访)"), ("grid_report.submit", "网格员上报"),
        ("person.create", "登记人员"), ("person.update", "修改人员"), ("person.reveal", "查看完整证件号码/电话"),
        ("organization.create", "登记组织"), ("place.create", "登记场所"), ("thing.create", "登记部件"),
        ("import.people", "导入实有人口"), ("import.organizations", "导入组织"), ("import.areas", "导入区域"),
        ("export.people", "导出实有人口"), ("export.organizations", "导出组织"), ("export.places", "导出场所"),
        ("export.things", "导出部件"), ("export.cases", "导出案件列表"),
        ("report.generate", "生成工作报告"), ("report.download", "下载工作报告"),
        ("hotline.import", "导入12345工单"), ("hotline.profile_save", "保存12345导入方案"),
        ("hotline.types_save", "保存12345诉求类型对应表"), ("hotline.status_export", "导出12345工单办理情况"),
        ("area.created", "新建区域"), ("area.renamed", "区域更名"), ("area.redrawn", "重绘边界"),
        ("area.split", "拆分区域"), ("area.merged", "合并区域"),
        ("grid_post.assign", "网格配岗"), ("grid_post.remove", "网格撤岗"),
        ("center.save", "设置综治中心"), ("department.create", "新增部门"), ("department.stationing", "部门入驻方式"),
        ("department.roster", "部门排班"),
        ("case_category.add", "新增事件分类"), ("case_category.rename", "事件分类更名"),
        ("case_category.deactivate", "停用事件分类"), ("case_category.activate", "启用事件分类"),
        ("case_category.move", "调整事件分类顺序"), ("holiday_schedule.save", "保存节假日安排"),
        ("notification.retry", "重发通知"),
        ("case_policy.update", "修改办理规则"),
        ("camera.create", "登记摄像头"), ("camera.update", "修改摄像头"), ("camera_alert_rule.update", "修改视频预警规则"),
        ("camera_alert.receive", "接收视频预警"), ("camera_alert.confirm", "确认视频预警立案"),
        ("camera_alert.dismiss", "排除视频预警"),
        ("mediation_organization.create", "登记调解组织"), ("mediation_organization.update", "修改调解组织"),
        ("mediator.create", "登记调解员"), ("mediator.update", "修改调解员"),
        ("mediation_case.open", "受理调解案件"), ("mediation_case.assign", "指派调解员"),
        ("mediation_case.withdraw", "撤回调解"), ("mediation_case.add_party", "登记调解当事人"),
        ("mediation_session.record", "记录调解会"),
        ("mediation_session.plan", "预约调解会"), ("mediation_referral.send", "六调联动转出"),
        ("mediation_referral.receive", "六调联动转入"), ("mediation_referral.accept", "联动受理"),
        ("mediation_referral.reply", "联动回复"), ("mediation_referral.decline", "联动不予受理"),
        ("petition.register", "信访登记"), ("petition.decide", "信访受理决定(受理/不予受理/不再受理)"),
        ("petition.extension_request", "申请信访办理延期"), ("petition.extension_approve", "批准信访办理延期"),
        ("petition.extension_deny", "不批准信访办理延期"), ("petition.reply", "出具信访答复意见书"),
        ("petition.review_request", "登记信访复查请求"), ("petition.review_decide", "出具信访复查意见"),
        ("petition.re_review_request", "登记信访复核请求"), ("petition.re_review_decide", "出具信访复核意见"),
        ("petition.reveal", "查看信访人完整证件号码/电话"), ("case.reveal", "查看案件联系人/当事人完整电话"), ("petition.document", "下载信访文书"),
        ("mediation_case.conclude", "办结调解(调解结果)"), ("mediation_agreement.sign", "上传调解协议签署文本"),
        ("mediation_agreement.performance", "记录协议履行情况"), ("mediation_agreement.print", "下载人民调解协议书"),
        ("mediation_confirmation.hand_off", "司法确认申请移交法院"), ("mediation_confirmation.ruling", "记录司法确认裁定"),
        ("mediation_confirmation.package", "下载司法确认材料"),
        ("risk_warning.assign", "指派风险预警责任人"), ("risk_warning.handle", "开始处置风险预警"),
        ("risk_warning.close", "办结风险预警"), ("risk_rules.save", "修改风险预警规则"), ("risk_rules.reset", "恢复上级风险预警规则"),
        ("audit.read", "查阅审计日志"), ("audit.export", "导出审计日志"), ("audit.purge", "清理过期审计日志"),
    ] + CaseCommand.Name.allCases.map { ("case.\($0.rawValue)", "案件\($0.chineseName)") }

    private static let names = Dictionary(actions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })

    /// The Chinese name of `code`, nil when the catalogue does not know it.
    public static func name(of code: String) -> String? { names[code] }
}
