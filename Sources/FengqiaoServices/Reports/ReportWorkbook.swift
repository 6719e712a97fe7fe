import FengqiaoDomain
import FengqiaoSheets
import Foundation

/// A stored report as an XLSX workbook: 概况 (every headline figure), then one sheet per breakdown — the same
/// numbers as its page and PDF.
enum ReportWorkbook {
    static func data(_ report: StoredReport) throws -> Data {
        do { return try XLSXWriter.write(sheets(report)) } catch {
            throw DomainError.conflict(code: error.code, message: error.message)
        }
    }

    static func sheets(_ report: StoredReport) -> [XLSXSheet] {
        let s = report.snapshot
        let c = s.cases
        let f = s.figures
        var summary: [[String]] = [
            ["报告编号", report.number], ["报告名称", report.title], ["报告类型", s.kind.chineseName],
            ["统计区域", s.areaName], ["统计期间", "\(s.from) 至 \(s.to)"], ["专题分类", s.categoryName ?? "全部"],
            ["受理总量", "\(c.total)"], ["办结", "\(c.closed)"], ["办结率", c.closedRate],
            ["按时办结", "\(c.closedOnTime)"], ["按时办结率", c.onTimeRate], ["超时", "\(c.overdue)"],
            ["督办", "\(c.supervised)"], ["已评价", "\(c.rated)"], ["满意", "\(c.satisfied)"], ["满意率", c.satisfactionRate],
            ["化解", "\(c.resolved)"], ["村级化解", "\(c.resolvedVillage)"], ["村级化解率", c.villageRate],
            ["信访批次", "\(f.petitionBatches)"], ["信访人次", "\(f.petitionPersons)"], ["来访批次", "\(f.visitBatches)"],
            ["来访人次", "\(f.visitPersons)"], ["集体访", "\(f.collectiveVisits)"], ["重复信访", "\(f.repeatPetitions)"],
            ["受理信访", "\(f.acceptedPetitions)"],
        ]
        if s.includesMediations {
            summary += [
                ["调解受理", "\(f.mediationsReceived)"], ["调解成功", "\(f.mediationsSucceeded)"],
                ["部分达成", "\(f.mediationsPartial)"], ["调解不成", "\(f.mediationsFailed)"],
                ["涉及金额(元)", ReportMoney.yuan(f.mediationAmountFen)],
            ]
        }
        summary += [["风险预警", "\(s.warningsRaised)"]]
        summary += [["生成时间", ReportMoney.minute(report.createdAt)], ["生成人", report.createdBy]]
        func counts(_ rows: [ReportSnapshot.Count]) -> [[String]] { rows.map { [$0.name, "\($0.count)"] } }
        return [
            XLSXSheet(name: "概况", header: ["指标", "数值"], rows: summary),
            XLSXSheet(name: "来源渠道", header: ["渠道", "件数"], rows: counts(s.channels)),
            XLSXSheet(name: "事件类型", header: ["类型", "件数"], rows: counts(s.kinds)),
            XLSXSheet(name: "办理状态", header: ["状态", "件数"], rows: counts(s.states)),
            XLSXSheet(name: "区域分布", header: ["区域", "受理", "办结", "办结率", "超时", "满意率"],
                      rows: s.areas.map { a in
                          [a.name, "\(a.figures.total)", "\(a.figures.closed)", a.figures.closedRate, "\(a.figures.overdue)",
                           a.figures.satisfactionRate]
                      }),
            XLSXSheet(name: "每日趋势", header: ["日期", "受理", "办结"],
                      rows: s.trend.map { [$0.from == $0.to ? $0.from : "\($0.from) 至 \($0.to)", "\($0.total)", "\($0.closed)"] }),
            XLSXSheet(name: "突出问题", header: ["排名", "事件分类", "件数"],
                      rows: s.topCategories.enumerated().map { ["\($0.offset + 1)", $0.element.name, "\($0.element.count)"] }),
            XLSXSheet(name: "风险预警", header: ["编号", "等级", "类型", "区域", "状态", "概要", "发布时间"],
                      rows: s.seriousWarnings.map {
                          [$0.number, $0.levelName, $0.ruleName, $0.areaName, $0.stateName, $0.summary, ReportMoney.minute($0.raisedAt)]
                      } + counts(s.warningLevels).map { ["合计", $0[0], "", "", "", "\($0[1])件", ""] }),
        ]
    }
}
