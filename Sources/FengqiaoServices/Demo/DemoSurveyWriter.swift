import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The demo's one completed satisfaction survey: the demo assessor's county, the two-month period before the
/// reference time's, 20 closed cases drawn per township with the round's own sampler, every number called
/// (some never reached, a few refusing) and answers drawn from the demo's random stream `surveys`, so the
/// survey pages and the rankings show real figures. Written in the load's transaction, after the cases.
struct DemoSurveyWriter: Sendable {
    let atlas: DemoAtlas
    let seed: UInt64
    let now: Date
    let cipher: PersonalDataCipher

    static let perTownship = 20
    /// Problems raised (any answer) and praise (only from the satisfied).
    static let problems = [
        "小区夜间路灯不亮,希望尽快维修", "楼下烧烤摊油烟大、噪音扰民", "希望多安排民警夜间巡逻",
        "电动车乱停乱放,堵塞消防通道", "希望调解时多听听双方意见",
    ]
    static let praise = ["反映的问题处理得很及时", "网格员经常上门,有事能找到人"]

    /// Writes the round; answers the numbers drawn (0 when the demo assessor or the window has no cases).
    func write(on db: any SQLDatabase) async throws -> Int {
        guard let assessor = try await AccountRepository(db).find(username: "demo.assessor"),
              let area = AreaCode(assessor.areaCode)
        else { return 0 }
        let current = SurveyPeriod.numbered(containing: now)
        let (year, number) = current.number > 1 ? (current.year, current.number - 1) : (current.year - 1, 6)
        guard let period = SurveyPeriod(year: year, number: number) else { return 0 }
        let prefix = Jurisdiction(root: area).prefix
        let townships = atlas.townships.filter { $0.code.hasPrefix(prefix) }.map { AssessedUnit(.township, $0.code) }
        let surveys = SurveyRepository(db)
        let rows = try await surveys.closedCases(prefix: prefix, from: period.start.millisecondsSince1970,
                                                 to: period.end.millisecondsSince1970)
        let candidates = rows.compactMap { row in
            AssessedUnit.township(of: row.areaCode).map {
                SurveyCandidate(township: $0, subjectKind: "case", subjectId: row.id, sealedPhone: row.phoneCipher,
                                maskedPhone: row.phoneMasked)
            }
        }
        let cipher = self.cipher
        let drawn = try SurveySampler.draw(candidates, townships: townships, perTownship: Self.perTownship, seed: seed) {
            try cipher.open($0.sealedPhone)
        }
        guard !drawn.isEmpty else { return 0 }
        // Made the day after the window closed; the calls over the following ten days (never after the reference time).
        let createdAt = min(period.end.millisecondsSince1970 + 86_400_000, now.millisecondsSince1970)
        let roundId = try await surveys.insert(SurveyRoundRecord(
            title: period.defaultTitle, areaCode: area.rawValue, year: Int64(year), period: Int64(number),
            startsOn: period.firstDay, endsOn: period.lastDay, windowStart: period.start.millisecondsSince1970,
            windowEnd: period.end.millisecondsSince1970, source: SurveySampleSource.closedCases.rawValue,
            perTownship: Int64(Self.perTownship), seed: String(seed), sampled: Int64(drawn.count),
            createdBy: assessor.id ?? 0, createdAt: createdAt))
        var random = DemoRandom(seed: seed, stream: "surveys")
        let operators = try await db.select().column("id").from("accounts").where("role", .equal, Role.intakeOperator.rawValue)
            .where("area_code", .equal, area.rawValue).limit(1).all().map { try $0.decode(column: "id", as: Int64.self) }
        let caller = operators.first ?? assessor.id ?? 0
        var items: [SurveyItemRecord] = []
        for (index, candidate) in drawn.enumerated() {
            // Townships differ a little: each has its own lean towards the positive answers.
            let lean = Double((townships.firstIndex(of: candidate.township) ?? 0) % 5) * 0.03
            let calledAt = min(createdAt + Int64(index % 10) * 86_400_000 + Int64(random.below(8 * 3_600_000)),
                               now.millisecondsSince1970)
            var item = SurveyItemRecord(
                roundId: roundId, townshipCode: candidate.township.code, subjectKind: candidate.subjectKind,
                subjectId: candidate.subjectId, phoneCipher: candidate.sealedPhone, phoneMasked: candidate.maskedPhone,
                calledBy: caller, calledAt: calledAt)
            let roll = random.unit()
            if roll < 0.08 {
                (item.status, item.attempts) = (SurveyItemStatus.unreachable.rawValue, Int64(SurveyCallOutcome.maxAttempts))
            } else if roll < 0.13 {
                (item.status, item.attempts) = (SurveyItemStatus.refused.rawValue, 1)
            } else {
                (item.status, item.attempts) = (SurveyItemStatus.answered.rawValue, Int64(random.int(1...2)))
                let safety: [SafetyAnswer] = [.safe, .fairlySafe, .notVerySafe, .unsafe, .unsure]
                item.safety = safety[random.weightedIndex([0.55 + lean, 0.3, 0.07 - lean / 2, 0.02, 0.06])].rawValue
                let satisfaction: [SatisfactionAnswer] = [.satisfied, .fairlySatisfied, .dissatisfied, .unsure]
                item.satisfaction = satisfaction[random.weightedIndex([0.5 + lean, 0.32, 0.12 - lean / 2, 0.06])].rawValue
                if random.chance(0.25) {
                    let pleased = item.satisfaction == SatisfactionAnswer.satisfied.rawValue
                    item.comment = random.pick(pleased ? Self.problems + Self.praise : Self.problems)
                }
            }
            items.append(item)
        }
        try await surveys.insert(items)
        return items.count
    }
}
