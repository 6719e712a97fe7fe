import Foundation

/// Scores a case against a report for the duplicate suggestions shown at intake (查重). A case is a
/// suggestion only when it is at the same place — the same grid or the same address — and its
/// description is alike (`minimumSimilarity`); the score then adds up, out of 100:
///
/// | evidence | points |
/// |---|---|
/// | description similarity (bigram Dice) | up to 50 |
/// | the same address | 25 |
/// | the same grid | 15 |
/// | the same category (the same kind only: 5) | 10 |
public enum DuplicateScoring {
    /// Below this similarity two descriptions are about different matters, wherever they happened.
    public static let minimumSimilarity = 0.3

    /// The match of `candidate` for `report`, or nil when it is not a likely duplicate.
    public static func match(_ report: DuplicateProfile, _ candidate: DuplicateProfile) -> DuplicateMatch? {
        let sameGrid = report.gridCode != nil && report.gridCode == candidate.gridCode
        let sameAddress = report.address != nil && report.address == candidate.address
        guard sameGrid || sameAddress else { return nil }
        let similarity = report.text.similarity(to: candidate.text)
        guard similarity >= minimumSimilarity else { return nil }
        let sameCategory = report.kind == candidate.kind && report.category == candidate.category
        let sameKind = report.kind == candidate.kind

        var score = Int((similarity * 50).rounded())
        var reasons = ["描述相似度\(Int((similarity * 100).rounded()))%"]
        if sameAddress {
            score += 25
            reasons.append("地址相同")
        }
        if sameGrid {
            score += 15
            reasons.append("同一网格")
        }
        if sameCategory {
            score += 10
            reasons.append("事项分类相同")
        } else if sameKind {
            score += 5
            reasons.append("事件类型相同")
        }
        return DuplicateMatch(score: min(score, 100), similarity: similarity, reasons: reasons)
    }
}
