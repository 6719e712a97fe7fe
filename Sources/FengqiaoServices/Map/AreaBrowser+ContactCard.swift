import FengqiaoDomain
import FengqiaoStore

extension AreaBrowser {
    /// The contact card of grid `code`: its post holders with their work phones and the nearest hotline.
    public func contactCard(code: String, caller: Caller) async throws -> GridContactCard {
        let (_, path) = try await visiblePath(code, caller)
        let grid = path.leaf
        guard grid.level == .grid || grid.level == .microGrid else { throw DomainError.notFound(what: "网格") }
        let cipher = platform.cipher
        let (holders, phones, centers) = try await platform.database.read { db in
            let holders = try await GridPostRepository(db).holders(prefix: grid.code).filter { $0.gridCode == grid.code }
            var phones: [Int64: String] = [:]
            for holder in holders where phones[holder.accountId] == nil {
                if let sealed = try await AccountRepository(db).find(id: holder.accountId)?.phoneCipher {
                    phones[holder.accountId] = try? cipher.open(sealed)
                }
            }
            return (holders, phones, try await CenterRepository(db).centers(areaCodes: path.nodes.map(\.code)))
        }
        // The deepest centre with a hotline serves the grid.
        let center = path.nodes.reversed().lazy.compactMap { node in
            centers.first { $0.areaCode == node.code && !$0.hotline.isEmpty }
        }.first
        let members = holders.compactMap { holder -> GridContactCard.Member? in
            guard let post = GridPost(rawValue: holder.post) else { return nil }
            return .init(post: post, name: holder.displayName ?? holder.username ?? "", phone: phones[holder.accountId])
        }.sorted { ($0.post, $0.name) < ($1.post, $1.name) }
        return GridContactCard(
            grid: grid,
            place: path.nodes.filter { $0.level >= .township }.map(\.name),
            members: members, centerName: center?.name, hotline: center?.hotline)
    }
}
