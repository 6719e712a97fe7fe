import FengqiaoDomain
import Foundation

/// A command as it arrives over HTTP: its name and loose body, turned into a `CaseCommand` once the
/// case is loaded (defaults and deadlines come from the case and the business calendar).
public struct CaseCommandRequest: Sendable, Equatable {
    public var name: CaseCommand.Name
    public var body: CaseCommandBody

    public init(name: CaseCommand.Name, body: CaseCommandBody = CaseCommandBody()) {
        self.name = name
        self.body = body
    }

    /// The names accepted in URLs: the kebab-case of each command (`sign-for`, `rule-on-return`); `archive`
    /// belongs to the jobs and is not offered.
    public static func name(kebab text: String) -> CaseCommand.Name? { byKebab[text] }

    private static let byKebab = Dictionary(
        uniqueKeysWithValues: CaseCommand.Name.allCases.filter { $0 != .archive }.map { (kebab($0), $0) })

    /// `signFor` → `sign-for`; `returnCase` → `return`.
    public static func kebab(_ name: CaseCommand.Name) -> String {
        if name == .returnCase { return "return" }
        var text = ""
        for character in name.rawValue {
            if character.isUppercase { text += "-" + character.lowercased() } else { text.append(character) }
        }
        return text
    }

    /// Permissions of which the caller needs one even to ask (the workflow checks the finer rules).
    public var permissions: [Permission] {
        switch name {
        case .accept: [.acceptCases, .mediate]
        case .reject, .merge, .split, .close, .revisit, .withdraw: [.acceptCases]
        case .resolveOnSite, .addProgress: [.handleCases, .mediate]
        case .dispatch, .ruleOnReturn, .whistle, .approveExtension, .denyExtension: [.dispatchCases]
        case .signFor, .returnCase, .requestExtension, .feedback: [.handleCases]
        case .escalate: [.dispatchCases, .mediate]
        case .recordAttempt: [.mediate, .handleCases]
        case .checkIn, .verify, .respondToSupervision: [.handleCases, .dispatchCases]
        case .supervise: [.superviseCases]
        case .archive: []
        }
    }

    /// What identifies the request for idempotency: the name and the body in canonical JSON.
    var fingerprint: String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(self.body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return name.rawValue + " " + body
    }
}
