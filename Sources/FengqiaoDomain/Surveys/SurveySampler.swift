import Foundation

/// Stratified random sampling (分层随机抽样) of a call list: each township of the area draws up to `perTownship`
/// candidates of its own, uniformly at random, and the same seed over the same candidates always draws the same
/// list. A phone is called at most once per round and a case or resident is drawn at most once.
public enum SurveySampler {
    /// `phone` answers the plain number of a candidate (asked only of those the draw reaches, in draw order).
    public static func draw(
        _ candidates: [SurveyCandidate], townships: [AssessedUnit], perTownship: Int, seed: UInt64,
        phone: (SurveyCandidate) throws -> String
    ) rethrows -> [SurveyCandidate] {
        let wanted = Set(townships)
        var strata: [AssessedUnit: [SurveyCandidate]] = [:]
        for candidate in candidates where wanted.contains(candidate.township) {
            strata[candidate.township, default: []].append(candidate)
        }
        var seenPhones: Set<String> = []
        var seenSubjects: Set<String> = []
        var drawn: [SurveyCandidate] = []
        // Townships in code order, each stratum ordered before shuffling, so the input order never matters.
        for township in wanted.sorted() where perTownship > 0 {
            var generator = SplitMix64(seed: seed ^ stableHash(township.code))
            let ordered = (strata[township] ?? []).sorted { ($0.subjectKind, $0.subjectId) < ($1.subjectKind, $1.subjectId) }
            var taken = 0
            for candidate in shuffle(ordered, &generator) {
                guard taken < perTownship else { break }
                let subject = "\(candidate.subjectKind):\(candidate.subjectId)"
                guard !seenSubjects.contains(subject) else { continue }
                let number = try phone(candidate)
                guard !seenPhones.contains(number) else { continue }
                seenPhones.insert(number)
                seenSubjects.insert(subject)
                drawn.append(candidate)
                taken += 1
            }
        }
        return drawn
    }

    /// Fisher–Yates with the generator's raw output, so a seed draws the same list whatever the Swift version
    /// (the standard library's `shuffled(using:)` does not promise that).
    static func shuffle<T>(_ items: [T], _ generator: inout SplitMix64) -> [T] {
        var items = items
        var index = items.count - 1
        while index > 0 {
            let other = Int(generator.next() % UInt64(index + 1))
            items.swapAt(index, other)
            index -= 1
        }
        return items
    }

    /// FNV-1a of `text`: stable across runs and platforms (unlike `Hasher`).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
