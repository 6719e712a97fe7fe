import Foundation

/// How alike two short Chinese texts are, as the Dice coefficient of their character bigrams:
/// `2·|A ∩ B| / (|A| + |B|)` over the multisets of adjacent character pairs, from 0 (nothing shared)
/// to 1 (the same text). Chinese has no spaces between words, so pairs of characters stand in for
/// words; ASCII in the text (`3号楼WiFi`) is paired the same way.
///
/// Before pairing, the text is folded (full-width to half-width, lower case) and everything that is
/// not a letter or a digit — whitespace, Chinese and ASCII punctuation, symbols — is dropped, so
/// "楼道堆物,影响通行。" and "楼道 堆物 影响通行" are the same text. A text of one character is compared
/// as that character; an empty text is like nothing (similarity 0, even to another empty text).
public struct TextSimilarity: Sendable, Equatable {
    /// A pair of adjacent characters (or a lone character, for a one-character text).
    struct Gram: Hashable, Sendable {
        let first: Character
        let second: Character?
    }

    /// How often each gram occurs.
    let grams: [Gram: Int]
    /// The number of grams, repeats included.
    let count: Int

    /// The profile of `text`.
    public init(_ text: String) {
        let characters = Self.normalized(text)
        var grams: [Gram: Int] = [:]
        if characters.count == 1, let only = characters.first {
            grams[Gram(first: only, second: nil)] = 1
        } else {
            for (first, second) in zip(characters, characters.dropFirst()) {
                grams[Gram(first: first, second: second), default: 0] += 1
            }
        }
        self.grams = grams
        self.count = grams.values.reduce(0, +)
    }

    /// Whether the text had nothing to compare (empty, or only punctuation and spaces).
    public var isEmpty: Bool { count == 0 }

    /// The Dice coefficient with `other`, in [0, 1].
    public func similarity(to other: TextSimilarity) -> Double {
        guard count > 0, other.count > 0 else { return 0 }
        let (small, large) = grams.count <= other.grams.count ? (grams, other.grams) : (other.grams, grams)
        var shared = 0
        for (gram, n) in small {
            if let m = large[gram] { shared += min(n, m) }
        }
        return Double(2 * shared) / Double(count + other.count)
    }

    /// The similarity of two texts.
    public static func of(_ a: String, _ b: String) -> Double {
        TextSimilarity(a).similarity(to: TextSimilarity(b))
    }

    /// The characters that count: letters and digits of the compatibility-folded, lower-cased text.
    static func normalized(_ text: String) -> [Character] {
        text.precomposedStringWithCompatibilityMapping.lowercased().filter { $0.isLetter || $0.isNumber }.map { $0 }
    }
}
