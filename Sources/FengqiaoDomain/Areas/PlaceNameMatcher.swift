import Foundation

/// Resolves a free-text Chinese address to an area when a report has no coordinates, by finding the
/// names of known areas (and their aliases, e.g. 昆区 for 昆都仑区) inside it.
///
/// Rules, in order:
/// 1. A name found inside a longer name found at the same place is ignored (东河 inside 东河区).
/// 2. An area is kept only if it agrees with the higher levels the address names: when the address
///    names some townships, the area must lie under one of them (the same 新村 under two townships is
///    settled by the township named beside it).
/// 3. Of the areas kept, the deepest wins, then the one whose matched name is longest.
/// 4. If several areas still tie, the result is `.ambiguous` with all of them, for a person to choose.
///
/// The index is built once; a lookup scans the address's substrings up to the longest name, so its
/// cost depends on the address and not on how many names are known.
public struct PlaceNameMatcher: Sendable {
    /// An area with the names people write for it.
    public struct KnownArea: Sendable, Hashable {
        public var code: AreaCode
        public var level: AreaLevel
        /// The official name, e.g. 昆都仑区.
        public var name: String
        /// Other names people write, e.g. 昆区; names under two characters are ignored.
        public var aliases: [String]

        public init(code: AreaCode, level: AreaLevel, name: String, aliases: [String] = []) {
            self.code = code
            self.level = level
            self.name = name
            self.aliases = aliases
        }
    }

    /// An area found in an address.
    public struct Candidate: Sendable, Hashable {
        /// The area's code; callers load the area by it.
        public let code: AreaCode
        /// The area's level, as the index was given it.
        public let level: AreaLevel
        /// The area's own name (not the alias that matched).
        public let name: String
        /// The normalised text of the address that matched the name or an alias.
        public let matchedText: String
    }

    /// The outcome of a lookup; callers tell the three cases apart with `switch`.
    public enum Resolution: Sendable, Hashable {
        /// No known name occurs in the address.
        case noMatch
        /// Exactly one most specific area.
        case match(Candidate)
        /// Several equally specific areas, sorted by code.
        case ambiguous([Candidate])
    }

    /// Shorter names (after normalisation) are not indexed: a single character such as 东 or 村 would
    /// match nearly every address.
    public static let minimumNameLength = 2
    /// Only this many characters of an address are read; addresses are short, descriptions are not.
    public static let maximumAddressLength = 500

    private struct Area: Sendable {
        let code: AreaCode
        let level: AreaLevel
        let name: String
    }

    private let areas: [Area]
    private let areaIDsByName: [String: [Int]]
    /// Distinct lengths of indexed names, longest first.
    private let nameLengths: [Int]

    /// Builds the index. An area listed twice (same code) is merged; its first level and name win.
    public init(areas known: [KnownArea]) {
        var areas: [Area] = []
        var idByCode: [AreaCode: Int] = [:]
        var idsByName: [String: [Int]] = [:]
        for entry in known {
            let id: Int
            if let existing = idByCode[entry.code] {
                id = existing
            } else {
                id = areas.count
                idByCode[entry.code] = id
                areas.append(Area(code: entry.code, level: entry.level, name: entry.name))
            }
            for spelling in [entry.name] + entry.aliases {
                let key = Self.normalize(spelling)
                guard key.count >= Self.minimumNameLength else { continue }
                if idsByName[key]?.contains(id) != true { idsByName[key, default: []].append(id) }
            }
        }
        self.areas = areas
        self.areaIDsByName = idsByName
        self.nameLengths = Set(idsByName.keys.map(\.count)).sorted(by: >)
    }

    /// The number of distinct areas known.
    public var areaCount: Int { areas.count }

    /// Finds the most specific area named in `address`.
    public func resolve(_ address: String) -> Resolution {
        let text = Array(Self.normalize(address).prefix(Self.maximumAddressLength))
        let hits = outermostHits(in: text)
        guard !hits.isEmpty else { return .noMatch }

        // Per area, the longest text that named it.
        var matchedTextByArea: [Int: String] = [:]
        for hit in hits {
            let matched = String(text[hit.start..<(hit.start + hit.length)])
            if let known = matchedTextByArea[hit.area], known.count >= matched.count { continue }
            matchedTextByArea[hit.area] = matched
        }

        // The prefixes of every named area, by level, to test "lies under one of them" in O(1).
        var namedPrefixes: [AreaLevel: Set<String>] = [:]
        for id in matchedTextByArea.keys {
            guard let area = areas[safe: id] else { continue }
            namedPrefixes[area.level, default: []].insert(Jurisdiction(root: area.code, level: area.level).prefix)
        }
        let consistent = matchedTextByArea.compactMap { id, matched -> Candidate? in
            guard let area = areas[safe: id] else { return nil }
            for (level, prefixes) in namedPrefixes where level < area.level {
                guard prefixes.contains(Jurisdiction(root: area.code, level: level).prefix) else { return nil }
            }
            return Candidate(code: area.code, level: area.level, name: area.name, matchedText: matched)
        }

        guard let deepest = consistent.map(\.level).max() else { return .noMatch }
        let atDeepest = consistent.filter { $0.level == deepest }
        let longest = atDeepest.map(\.matchedText.count).max() ?? 0
        let best = atDeepest.filter { $0.matchedText.count == longest }.sorted { $0.code < $1.code }
        if best.count == 1, let only = best.first { return .match(only) }
        return best.isEmpty ? .noMatch : .ambiguous(best)
    }

    private struct Hit {
        let area: Int
        let start: Int
        let length: Int
    }

    /// Every indexed name occurring in `text`, except those lying inside a longer occurrence.
    private func outermostHits(in text: [Character]) -> [Hit] {
        var spans: [(start: Int, length: Int, ids: [Int])] = []
        for start in text.indices {
            for length in nameLengths where start + length <= text.count {
                if let ids = areaIDsByName[String(text[start..<(start + length)])] {
                    spans.append((start, length, ids))
                }
            }
        }
        // Sorted by start and then longest first, a span lies inside an earlier one exactly when an
        // earlier span reaches at least as far.
        spans.sort { ($0.start, -$0.length) < ($1.start, -$1.length) }
        var reach = -1
        var hits: [Hit] = []
        for span in spans {
            let end = span.start + span.length
            guard end > reach else { continue }
            reach = end
            hits += span.ids.map { Hit(area: $0, start: span.start, length: span.length) }
        }
        return hits
    }

    /// Full-width ASCII (１２３, ＡＢＣ, ()) becomes half-width, ASCII letters upper case, and all
    /// white space (including the ideographic space) is removed, so "阿尔丁社区　３号网格" matches
    /// "阿尔丁社区3号网格".
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            guard let mapped = Unicode.Scalar(value), !mapped.properties.isWhitespace else { continue }
            if (0x61...0x7A).contains(value), let upper = Unicode.Scalar(value - 0x20) {
                scalars.append(upper)
            } else {
                scalars.append(mapped)
            }
        }
        return String(scalars)
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
