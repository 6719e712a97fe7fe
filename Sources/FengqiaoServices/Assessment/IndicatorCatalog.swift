import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Every indicator there is: the twelve built in and those the assessor defined (retired ones too, as old scores and
/// appeals name them), with which of the defined may still be put in templates.
public struct IndicatorCatalog: Sendable {
    public let defined: [AssessmentIndicator]
    public let activeKeys: Set<String>

    public var all: [AssessmentIndicator] { AssessmentIndicator.builtIn + defined }

    public func indicator(_ key: String) -> AssessmentIndicator? { all.first { $0.key == key } }

    /// What a template for `kind` may include: the built-in indicators that apply and the active defined ones.
    public func choosable(for kind: AssessedUnitKind) -> [AssessmentIndicator] {
        all.filter { $0.unitKinds.contains(kind) && (!$0.isDefined || activeKeys.contains($0.key)) }
    }

    /// The catalog as stored in `db`.
    static func read(in db: any SQLDatabase) async throws -> IndicatorCatalog {
        let records = try await AssessmentIndicatorRepository(db).indicators()
        let decoder = JSONDecoder()
        var defined: [AssessmentIndicator] = [], active: Set<String> = []
        for record in records {
            guard let indicator = try? decoder.decode(AssessmentIndicator.self, from: Data(record.definition.utf8)) else { continue }
            defined.append(indicator)
            if record.active == 1 { active.insert(indicator.key) }
        }
        return IndicatorCatalog(defined: defined, activeKeys: active)
    }
}
