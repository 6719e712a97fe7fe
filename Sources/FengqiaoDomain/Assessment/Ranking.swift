import Foundation

/// Orders scored units: highest total first, ties share a place (1, 2, 2, 4) and are listed by unit code. The last
/// `laggards` places (unless all share the first), and any unit under `floor` points, are marked for 约谈.
public enum Ranking {
    public static func rank(
        _ scores: [UnitScore], previous: [UnitScore] = [], laggards: Int = 1, floor: Double? = nil
    ) -> [RankingRow] {
        let ordered = places(scores)
        let before = Dictionary(places(previous).map { ($0.score.unit, $0) }, uniquingKeysWith: { a, _ in a })
        // When every unit shares the first place, none of them is behind the others.
        let lastPlaces = Set(ordered.map(\.rank).sorted(by: >).prefix(max(0, laggards))).subtracting([1])
        return ordered.map { row, place in
            let earlier = before[row.unit]
            return RankingRow(
                score: row, rank: place, rankChange: earlier.map { $0.rank - place },
                totalChange: earlier.map { ((row.total - $0.score.total) * 100).rounded() / 100 },
                laggard: ordered.count > 1 && (lastPlaces.contains(place) || floor.map { row.total < $0 } == true))
        }
    }

    static func places(_ scores: [UnitScore]) -> [(score: UnitScore, rank: Int)] {
        let sorted = scores.sorted { ($1.total, $0.unit) < ($0.total, $1.unit) }
        var result: [(score: UnitScore, rank: Int)] = []
        for (i, score) in sorted.enumerated() {
            let place = result.last.map { $0.score.total == score.total ? $0.rank : i + 1 } ?? 1
            result.append((score, place))
        }
        return result
    }
}
