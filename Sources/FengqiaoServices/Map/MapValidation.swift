import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Checks the whole stored map: every boundary on its own (as an import or edit would), then every
/// parent with its children (outside the parent, overlapping siblings, gaps). For after an import,
/// and to prove that a data set is sound.
public struct MapValidation: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public struct Result: Sendable {
        public let areasChecked: Int
        public let familiesChecked: Int
        public let problems: [BoundaryProblem]
    }

    public func checkAll(tolerance: BoundaryTolerance = .standard) async throws -> Result {
        let records = try await platform.database.read { try await AreaRepository($0).allActive() }
        var boundaries: [String: GeoBoundary] = [:]
        var problems: [BoundaryProblem] = []
        for record in records {
            guard let text = record.boundary else { continue }
            switch GeoBoundary.read(geoJSON: text, areaCode: AreaCode(record.code), tolerance: tolerance) {
            case .success(let boundary): boundaries[record.code] = boundary
            case .failure(let rejection): problems += rejection.problems
            }
        }
        var children: [String: [AreaRecord]] = [:]
        for record in records {
            if let parent = record.parentCode { children[parent, default: []].append(record) }
        }
        var families = 0
        let check = BoundaryCheck(tolerance: tolerance)
        for (parentCode, members) in children.sorted(by: { $0.key < $1.key }) {
            guard let parent = boundaries[parentCode], let code = AreaCode(parentCode) else { continue }
            let drawn = members.compactMap { member -> BoundaryCheck.Area? in
                guard let boundary = boundaries[member.code], let memberCode = AreaCode(member.code) else { return nil }
                let ordinary = member.gridKind == nil || member.gridKind == GridKind.ordinary.rawValue
                return BoundaryCheck.Area(code: memberCode, boundary: boundary, tilesParent: ordinary)
            }
            guard !drawn.isEmpty else { continue }
            families += 1
            problems += check.problems(parent: .init(code: code, boundary: parent), children: drawn)
        }
        return Result(areasChecked: boundaries.count, familiesChecked: families, problems: problems)
    }
}
