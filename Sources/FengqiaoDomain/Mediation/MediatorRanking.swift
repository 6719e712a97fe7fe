import Foundation

/// Ranks mediators for a dispute: only active, available mediators (speaking `language` when one is
/// asked for); those with the specialty before those without; then the nearer organisation; then the
/// lighter load; then the lower id, so the order is stable.
public enum MediatorRanking {
    public struct Ranked: Sendable, Equatable {
        public var candidate: MediatorCandidate
        public var specialtyMatch: Bool
        public var closeness: AreaCloseness
    }

    public static func rank(
        _ candidates: [MediatorCandidate], specialty: MediationSpecialty, area: String, language: MediationLanguage? = nil
    ) -> [Ranked] {
        candidates
            .filter { $0.active && $0.availability == .available }
            .filter { candidate in language.map { candidate.languages.contains($0) } ?? true }
            .map { Ranked(candidate: $0, specialtyMatch: $0.specialties.contains(specialty), closeness: AreaCloseness($0.areaCode, area)) }
            .sorted { a, b in
                if a.specialtyMatch != b.specialtyMatch { return a.specialtyMatch }
                if a.closeness != b.closeness { return a.closeness > b.closeness }
                if a.candidate.load != b.candidate.load { return a.candidate.load < b.candidate.load }
                return a.candidate.id < b.candidate.id
            }
    }
}
