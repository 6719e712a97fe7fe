import FengqiaoDomain
import FengqiaoStore
import Foundation

/// What risk evaluation reads besides the cases: the area tree (names, and the path a rule book is found along),
/// category names and every area's own rule book. Loaded once per run, outside the write transaction.
struct RiskSetting: Sendable {
    let atlas: AreaAtlas
    let categoryNames: [String: String]
    let books: [String: RiskRuleBook]

    static func load(_ platform: Platform) async throws -> RiskSetting {
        let atlas = try await platform.areaAtlas()
        let names = try await CaseCategories(platform: platform).names()
        let stored = try await platform.database.read { try await RiskRepository($0).ruleBooks() }
        let decoder = JSONDecoder()
        let books = stored.compactMapValues { try? decoder.decode(RiskRuleBook.self, from: Data($0.utf8)) }
        return RiskSetting(atlas: atlas, categoryNames: names, books: books)
    }

    /// The rule book in force for a case in `area`.
    func book(for area: String) -> RiskRuleBook {
        RiskRuleBook.inForce(along: atlas.path(to: area)?.nodes.map(\.code) ?? [area], books: books)
    }

    /// A code's name for explanations: an area's or grid's, a category's, else the code.
    func name(_ code: String) -> String {
        atlas.node(code)?.name ?? categoryNames[code] ?? code
    }

    /// The longest any book looks back.
    var horizonDays: Int { ([RiskRuleBook.standard] + books.values).map(\.horizonDays).max() ?? RiskRuleBook.standard.horizonDays }
}
