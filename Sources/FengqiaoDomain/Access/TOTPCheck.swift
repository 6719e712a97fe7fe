import Foundation

/// Whether a submitted time-based one-time code (RFC 6238) is accepted. The code of the current
/// 30-second step is accepted, and of the step before and after (clocks of phones drift); a step at
/// or before the last accepted one is refused, so a code works once. Pure: the code of each step is
/// computed by the caller, who holds the secret.
public struct TOTPCheck: Sendable {
    public static let stepSeconds: Double = 30
    /// Steps accepted on either side of the current one.
    public static let tolerance: Int64 = 1
    public static let digits = 6

    public enum Outcome: Sendable, Equatable {
        /// The code of `step`; record it as the last accepted step.
        case accepted(step: Int64)
        /// Not six digits, or not the code of any step in the window.
        case wrong
        /// The code of a step that was already used.
        case reused
    }

    /// The step `date` falls in (seconds since 1970 divided by 30).
    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / stepSeconds).rounded(.down))
    }

    /// The code as typed without spaces, when it is six ASCII digits.
    public static func normalised(_ code: String) -> String? {
        let digits = code.filter { $0 != " " && $0 != "-" }
        guard digits.count == Self.digits, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }

    /// The code `code` of step `step`, zero-padded to six digits.
    public static func format(_ code: Int) -> String {
        let text = String(code)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Checks `submitted` at `now` against the codes `codeOfStep` gives, after `lastAcceptedStep`.
    public static func check(
        _ submitted: String, now: Date, lastAcceptedStep: Int64?, codeOfStep: (Int64) -> Int
    ) -> Outcome {
        guard let submitted = normalised(submitted) else { return .wrong }
        let current = step(at: now)
        let matching = (current - tolerance...current + tolerance).filter { format(codeOfStep($0)) == submitted }
        if let step = matching.first(where: { step in lastAcceptedStep.map { step > $0 } ?? true }) {
            return .accepted(step: step)
        }
        return matching.isEmpty ? .wrong : .reused
    }
}
