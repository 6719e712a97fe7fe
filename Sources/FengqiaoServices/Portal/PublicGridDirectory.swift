import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The portal's way to a grid without an account: the townships, their villages and the villages'
/// grids, found by choosing or by an address, and the chosen grid's public card.
public struct PublicGridDirectory: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public struct Choice: Sendable, Equatable {
        public var code: String
        public var name: String
    }

    /// The townships (乡镇、街道) of the map, in code order.
    public func townships() async throws -> [Choice] {
        let atlas = try await platform.areaAtlas()
        return Self.descendants(of: atlas.rootCode, at: .township, in: atlas)
    }

    /// The areas one level below `code` (villages of a township, grids of a village); empty for an
    /// unknown code or below the grids.
    public func children(of code: String, level: AreaLevel) async throws -> [Choice] {
        let atlas = try await platform.areaAtlas()
        guard let node = atlas.node(code), node.level < level else { return [] }
        return Self.descendants(of: code, at: level, in: atlas)
    }

    /// The townships with their villages, for a form's area choice.
    public func townshipsAndVillages() async throws -> [(township: Choice, villages: [Choice])] {
        let atlas = try await platform.areaAtlas()
        return Self.descendants(of: atlas.rootCode, at: .township, in: atlas).map { township in
            (township, Self.descendants(of: township.code, at: .village, in: atlas))
        }
    }

    /// The path (township, village, grid codes) of the grid that an address names, or nil when it names
    /// no single area.
    public func locate(address: String) async throws -> AreaPath? {
        let atlas = try await platform.areaAtlas()
        guard case .match(let candidate) = atlas.resolve(address: address) else { return nil }
        return atlas.path(to: candidate.code.rawValue)
    }

    /// The public card of grid `code`; not found unless it is a grid of the map.
    public func card(gridCode code: String) async throws -> PublicGridCard {
        let atlas = try await platform.areaAtlas()
        guard let path = atlas.path(to: code), [.grid, .microGrid].contains(path.leaf.level) else {
            throw DomainError.notFound(what: "该网格")
        }
        let (holders, phones, centers) = try await platform.database.read { db in
            (try await GridPostRepository(db).holders(prefix: code).filter { $0.gridCode == code },
             try await GridCardPhoneRepository(db).phones(gridCode: code),
             try await CenterRepository(db).centers(areaCodes: path.nodes.map(\.code)))
        }
        let center = path.nodes.reversed().lazy.compactMap { node in
            centers.first { $0.areaCode == node.code && !$0.hotline.isEmpty }
        }.first
        let members = holders.compactMap { holder -> PublicGridCard.Member? in
            guard let post = GridPost(rawValue: holder.post) else { return nil }
            return .init(post: post, name: holder.displayName ?? "",
                         publicPhone: phones[GridCardPhoneRepository.key(post: holder.post, accountId: holder.accountId)])
        }.filter { !$0.name.isEmpty }.sorted { ($0.post, $0.name) < ($1.post, $1.name) }
        return PublicGridCard(
            code: code, name: path.leaf.name, place: path.nodes.filter { $0.level >= .township && $0.level < .grid }.map(\.name),
            members: members, centerName: center?.name, hotline: center?.hotline)
    }

    /// The areas at `level` under `code` (searched down the tree), in code order.
    static func descendants(of code: String?, at level: AreaLevel, in atlas: AreaAtlas) -> [Choice] {
        guard let code else { return [] }
        var found: [Choice] = []
        var queue = [code]
        while let next = queue.popLast() {
            for child in atlas.children(of: next) {
                if child.level == level {
                    found.append(Choice(code: child.code, name: child.name))
                } else if child.level < level {
                    queue.append(child.code)
                }
            }
        }
        return found.sorted { $0.code < $1.code }
    }
}
