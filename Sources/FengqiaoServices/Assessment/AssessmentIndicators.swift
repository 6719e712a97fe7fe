import FengqiaoDomain
import FengqiaoStore
import Foundation

/// 考核指标: the assessor (`assess`) adds indicators beyond the twelve built in — reported by hand (人工填报) or a
/// built-in case measure counted for one category of cases — and retires them. A defined indicator is never changed
/// or deleted (scores of past periods name it); one still in a current template cannot be retired. Defining and
/// retiring are audited (`assessment.indicator.define|retire`).
public struct AssessmentIndicators: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// Every indicator; anyone who sees scores may read it (score pages and appeals name the indicators).
    public func catalog() async throws -> IndicatorCatalog {
        try await platform.database.read { db in try await IndicatorCatalog.read(in: db) }
    }

    /// The case kinds and categories an indicator may be counted over, in the tree's order: code and name
    /// (`IndicatorSource.categoryLabel` shows them).
    public func categories() async throws -> [(code: String, name: String)] {
        try await CaseCategories(platform: platform).load().kinds.flatMap { branch in
            [(branch.kind.rawValue, branch.name)] + branch.categories.map { ($0.code, $0.name) }
        }
    }

    /// Defines an indicator; returns it with its key.
    public func define(_ submission: IndicatorSubmission, caller: Caller) async throws -> AssessmentIndicator {
        try caller.staff.require(.assess)
        let categories = Dictionary(try await categories().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let at = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let taken = Set(try await IndicatorCatalog.read(in: db).all.map(\.chineseName))
            let checked = try submission.validate(key: "", taken: taken, categories: categories)
            var indicator = checked, definition = ""
            let key = try await AssessmentIndicatorRepository(db).insert(
                unitKind: checked.unitKinds.first?.rawValue ?? "", by: caller.staff.displayName, at: at
            ) { key in
                indicator = checked.keyed(key)
                definition = String(decoding: try Self.encoder.encode(indicator), as: UTF8.self)
                return definition
            }
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment.indicator.define", objectType: "assessment_indicator", objectID: key,
                           summary: AuditEntry.summary(["name": indicator.chineseName, "definition": definition])),
                at: at, in: db, kind: kind)
            return indicator
        }
    }

    /// Retires a defined indicator: templates may no longer include it. Refused while a current template does.
    public func retire(key: String, caller: Caller) async throws {
        try caller.staff.require(.assess)
        let at = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            let repository = AssessmentIndicatorRepository(db)
            guard let record = try await repository.indicator(key: key),
                  let indicator = try? JSONDecoder().decode(AssessmentIndicator.self, from: Data(record.definition.utf8))
            else { throw DomainError.notFound(what: "该考核指标") }
            guard record.active == 1 else {
                throw DomainError.conflict(code: "already_retired", message: "\(indicator.chineseName)已停用")
            }
            let using = try await AssessmentRepository(db).templates().compactMap { AssessmentScorer.decodeTemplate($0) }
                .filter { $0.rules.contains { $0.indicator.key == key } }
            if let template = using.first {
                throw DomainError.conflict(code: "in_use", message: "“\(template.name)”仍在使用\(indicator.chineseName),请先从模版中移除再停用")
            }
            _ = try await repository.retire(key: key, by: caller.staff.displayName, at: at)
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment.indicator.retire", objectType: "assessment_indicator", objectID: key,
                           summary: AuditEntry.summary(["name": indicator.chineseName])),
                at: at, in: db, kind: kind)
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()
}
