import FengqiaoDomain
import FengqiaoSheets
import Foundation

/// 季排名 as an XLSX workbook: one sheet per kind of unit, the same columns as its page.
enum AssessmentWorkbook {
    static func data(_ bulletin: AssessmentBulletin) throws -> Data {
        do { return try XLSXWriter.write(sheets(bulletin)) } catch {
            throw DomainError.conflict(code: error.code, message: error.message)
        }
    }

    static func sheets(_ bulletin: AssessmentBulletin) -> [XLSXSheet] {
        let header = ["区县", "名次", "参评数", "名称", "总分", "模版得分", "加分", "扣分", "名次变化", "分数变化", "约谈"]
        return bulletin.rankings.map { ranking in
            XLSXSheet(name: ranking.kind.chineseName, header: header, rows: ranking.standings.map { s in
                [s.countyCode, "\(s.rank)", "\(s.ranked)", s.score.name, AssessmentTemplate.points(s.score.total),
                 AssessmentTemplate.points(s.score.templatePoints), AssessmentTemplate.points(s.score.awarded),
                 AssessmentTemplate.points(s.score.deducted), AssessmentBulletin.rankChange(s.rankChange), AssessmentBulletin.totalChange(s.totalChange),
                 s.laggard ? "约谈" : ""]
            })
        }
    }
}
