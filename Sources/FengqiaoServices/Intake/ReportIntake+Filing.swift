import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension ReportIntake {
    /// The batch body of `Platform.intake`: files the prepared reports `filings` (numbers not yet set)
    /// in the caller's transaction with a few statements for the whole batch — one look-up of their
    /// idempotency keys, one reservation of numbers per county and year, and multi-row inserts of the
    /// cases, events, clocks, attachments and counters.
    ///
    /// A report whose idempotency key is already stored answers that case (`replayed`); so does a
    /// report repeating the key of one before it in the batch, which alone is filed. Numbers follow
    /// the batch's order within each county and year. Gives one receipt per report, in order.
    static func fileBatch(_ filings: [CaseFiling], in db: any SQLDatabase) async throws -> [ReportReceipt] {
        let cases = CaseRepository(db)
        let keys = filings.compactMap(\.record.idempotencyKey)
        let stored = keys.isEmpty ? [:] : try await cases.find(idempotencyKeys: keys)
        enum Answer {
            case filed(Int)
            case repeated(Int)
            case replayed(CaseRecord)
        }
        var answers: [Answer] = []
        var fresh: [CaseFiling] = []
        var firstWithKey: [String: Int] = [:]
        for filing in filings {
            if let key = filing.record.idempotencyKey {
                if let record = stored[key] {
                    answers.append(.replayed(record))
                    continue
                }
                if let first = firstWithKey[key] {
                    answers.append(.repeated(first))
                    continue
                }
                firstWithKey[key] = fresh.count
            }
            answers.append(.filed(fresh.count))
            fresh.append(filing)
        }
        try await number(&fresh, in: cases)
        try await cases.insert(fresh)
        return answers.map { answer in
            switch answer {
            case .filed(let index): ReportReceipt(fresh[index].record, replayed: false)
            case .repeated(let index): ReportReceipt(fresh[index].record, replayed: true)
            case .replayed(let record): ReportReceipt(record, replayed: true)
            }
        }
    }

    /// Gives each filing the next number of its county (the first six digits of its area) in the year
    /// it was reported (Beijing time), reserving them with one statement.
    static func number(_ filings: inout [CaseFiling], in cases: CaseRepository) async throws {
        let sequences = filings.map { filing in
            CaseRepository.SequenceKey(
                countyPrefix: String(filing.record.areaCode.prefix(6)),
                year: ChinaTime.year(Date(millisecondsSince1970: filing.record.reportedAt)))
        }
        var counts: [CaseRepository.SequenceKey: Int] = [:]
        for key in sequences { counts[key, default: 0] += 1 }
        let last = try await cases.advanceSequences(counts)
        // Each sequence's next number: `last - count + 1`, then upwards in the batch's order.
        var next = counts.reduce(into: [CaseRepository.SequenceKey: Int]()) { next, entry in
            next[entry.key] = (last[entry.key] ?? 0) - entry.value + 1
        }
        for (index, key) in sequences.enumerated() {
            let sequence = next[key] ?? 0
            next[key] = sequence + 1
            guard let number = CaseNumber(countyPrefix: key.countyPrefix, year: key.year, sequence: sequence) else {
                throw DomainError.conflict(code: "case_numbers_exhausted", message: "本年度案件编号已用尽,请联系系统管理员")
            }
            filings[index].record.number = number.description
        }
    }
}
