import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Lays out the area tree: the city split into counties, counties into townships, townships into
/// villages, villages into grids (and grids into micro-grids at `large`), each level tiling its parent
/// exactly; special grids sit on top of the ordinary ones.
struct DemoAtlasBuilder {
    let scale: DemoScale
    let createdAt: Int64
    /// The China day of `createdAt`, from which every area is in force.
    let effectiveFrom: String

    init(scale: DemoScale, createdAt: Int64) {
        self.scale = scale
        self.createdAt = createdAt
        self.effectiveFrom = ChinaTime.dayString(Date(millisecondsSince1970: createdAt))
    }

    func build(seed: UInt64) -> DemoAtlas {
        var random = DemoRandom(seed: seed, stream: "areas")
        var microRandom = DemoRandom(seed: seed, stream: "areas.micro")
        var names = DemoUniqueNames(seed: seed)
        let splitter = DemoBrickSplitter()
        var atlas = DemoAtlas()

        // The full three-county layout, so 九原区 has the same place at every scale.
        let fullPlan = DemoGazetteer.counties(for: .small)
        var layoutRandom = DemoRandom(seed: seed, stream: "areas.layout")
        let countyRects = splitter.split(
            DemoGazetteer.cityRect,
            weights: fullPlan.map { $0.townships.reduce(0) { $0 + $1.kind.layoutWeight } }, &layoutRandom)
        let plan = DemoGazetteer.counties(for: scale)
        let rectByCode = Dictionary(uniqueKeysWithValues: zip(fullPlan.map(\.code), countyRects))
        let cityRect = plan.count == 1 ? (rectByCode[plan[0].code] ?? DemoGazetteer.cityRect) : DemoGazetteer.cityRect
        var gridRows: [AreaRecord] = []
        var microRows: [AreaRecord] = []
        var specialRows: [AreaRecord] = []
        var townshipRows: [AreaRecord] = []
        var villageRows: [AreaRecord] = []
        var countyRows: [AreaRecord] = []

        for county in plan {
            let countyRect = rectByCode[county.code] ?? cityRect
            let countyIndex = atlas.counties.count
            atlas.counties.append(.init(code: county.code, name: county.name, rect: countyRect))
            countyRows.append(row(county.code, parent: DemoGazetteer.cityCode, .county, county.name, countyRect))
            let townshipRects = splitter.split(countyRect, weights: county.townships.map(\.kind.layoutWeight), &random)
            for (township, townshipRect) in zip(county.townships, townshipRects) {
                guard let countyCode = AreaCode(county.code),
                    let townshipCode = countyCode.child(township.sequence, at: .township)
                else { continue }
                let townshipIndex = atlas.townships.count
                atlas.counties[countyIndex].townships.append(townshipIndex)
                atlas.townships.append(
                    .init(
                        code: townshipCode.rawValue, name: township.name,
                        shortName: DemoGazetteer.shortName(ofTownship: township.name), kind: township.kind,
                        county: countyIndex, rect: townshipRect,
                        roads: random.sample(4, of: DemoPlaceNames.roads.count).map { DemoPlaceNames.roads[$0] }))
                townshipRows.append(
                    row(townshipCode.rawValue, parent: county.code, .township, township.name, townshipRect))

                let villageRects = splitter.split(
                    townshipRect, weights: Array(repeating: 1, count: township.villages), &random)
                for (v, villageRect) in villageRects.enumerated() {
                    guard let villageCode = townshipCode.child(township.kind.firstVillageSequence + v, at: .village)
                    else { continue }
                    let villageName = names.village(for: township.kind)
                    let villageIndex = atlas.villages.count
                    let gridCount = random.int(DemoGazetteer.gridRange(for: township.kind, scale: scale))
                    let units = addressUnits(
                        kind: township.kind, village: villageName, grids: gridCount, &names, &random)
                    atlas.townships[townshipIndex].villages.append(villageIndex)
                    atlas.villages.append(
                        .init(
                            code: villageCode.rawValue, name: villageName, township: townshipIndex, county: countyIndex,
                            rect: villageRect, addressUnits: units))
                    villageRows.append(
                        row(villageCode.rawValue, parent: townshipCode.rawValue, .village, villageName, villageRect))

                    let gridRects = splitter.split(villageRect, weights: Array(repeating: 1, count: gridCount), &random)
                    for (g, gridRect) in gridRects.enumerated() {
                        guard let gridCode = villageCode.child(g + 1, at: .grid) else { continue }
                        let gridName = "\(township.name)\(villageName)第\(g + 1)网格"
                        let share =
                            units.count >= gridCount
                            ? Array(units[(g * units.count / gridCount)..<((g + 1) * units.count / gridCount)])
                            : [units[g * units.count / gridCount]]
                        let base: Double = township.kind == .subdistrict ? 1.2 : township.kind == .town ? 0.8 : 0.5
                        atlas.villages[villageIndex].grids.append(atlas.grids.count)
                        atlas.grids.append(
                            .init(
                                code: gridCode.rawValue, name: gridName, kind: .ordinary, village: villageIndex,
                                township: townshipIndex, county: countyIndex, rect: gridRect, addressUnits: share,
                                site: nil, activity: base * random.double(0.6, 1.4)))
                        gridRows.append(
                            row(
                                gridCode.rawValue, parent: villageCode.rawValue, .grid, gridName, gridRect,
                                kind: .ordinary))
                        guard scale == .large else { continue }
                        // Their own stream, so that the tree above them is the same at every scale.
                        let microCount = microRandom.int(DemoGazetteer.microGridRange(for: township.kind))
                        let microRects = splitter.split(
                            gridRect, weights: Array(repeating: 1, count: microCount), &microRandom)
                        for (m, microRect) in microRects.enumerated() {
                            guard let microCode = gridCode.child(m + 1, at: .microGrid) else { continue }
                            microRows.append(
                                row(
                                    microCode.rawValue, parent: gridCode.rawValue, .microGrid,
                                    "\(gridName)第\(m + 1)微网格", microRect))
                        }
                    }
                }
            }
        }
        atlas.ordinaryGridCount = atlas.grids.count
        addSpecialGrids(to: &atlas, rows: &specialRows, names: &names, &random)

        let cityRow = row(DemoGazetteer.cityCode, parent: nil, .city, DemoGazetteer.cityName, cityRect)
        atlas.rows = [cityRow] + countyRows + townshipRows + villageRows + gridRows + specialRows + microRows
        return atlas
    }

    /// 专属网格: a few per township over a business district, park, school or hospital, numbered from
    /// 901 within the village they sit in.
    private func addSpecialGrids(
        to atlas: inout DemoAtlas, rows: inout [AreaRecord], names: inout DemoUniqueNames, _ random: inout DemoRandom
    ) {
        for t in atlas.townships.indices {
            let township = atlas.townships[t]
            let kinds = DemoGazetteer.specialGridKinds(for: township.kind)
            let count = scale == .tiny ? 2 : min(kinds.count, random.int(2...3))
            var perVillage: [Int: Int] = [:]
            for kind in kinds.prefix(count) {
                let v = random.pick(township.villages)
                let village = atlas.villages[v]
                perVillage[v, default: 0] += 1
                guard let villageCode = AreaCode(village.code),
                    let code = villageCode.child(900 + (perVillage[v] ?? 1), at: .grid)
                else { continue }
                let site = names.specialSite(kind, township: township, county: atlas.counties[township.county].name)
                let rect = village.rect.inset(fraction: random.double(0.35, 0.6), &random)
                let name = "\(township.name)\(site)网格"
                atlas.townships[t].specialGrids.append(atlas.grids.count)
                atlas.grids.append(
                    .init(
                        code: code.rawValue, name: name, kind: kind, village: v, township: t, county: township.county,
                        rect: rect, addressUnits: [], site: site, activity: 0.5 * random.double(0.6, 1.4)))
                rows.append(row(code.rawValue, parent: village.code, .grid, name, rect, kind: kind))
            }
        }
    }

    /// Compounds of a community, or villagers' groups (1组, 2组 …) of a village or 嘎查.
    private func addressUnits(
        kind: DemoGazetteer.TownshipKind, village: String, grids: Int, _ names: inout DemoUniqueNames,
        _ random: inout DemoRandom
    ) -> [String] {
        guard kind == .subdistrict else { return (1...(grids * 2)).map { "\(village)\($0)组" } }
        let count = max(2, grids / 2 + random.int(0...2))
        return (0..<count).map { _ in names.compound(&random) }
    }

    /// An active area, in force from the day the demo areas were created, with its geodesic area.
    private func row(
        _ code: String, parent: String?, _ level: AreaLevel, _ name: String, _ rect: DemoRect, kind: GridKind? = nil
    ) -> AreaRecord {
        let box = rect.boundingBox
        let polygon = box.polygon
        return AreaRecord(
            code: code, parentCode: parent, level: level.rawValue, gridKind: kind?.rawValue, name: name,
            boundary: polygon.geoJSON(), minLat: box.minLatitude, minLon: box.minLongitude,
            maxLat: box.maxLatitude, maxLon: box.maxLongitude, createdAt: createdAt, effectiveFrom: effectiveFrom,
            aliases: DemoGazetteer.aliases(of: code).joined(separator: "|"),
            areaM2: GeodesicArea.squareMetres(of: [polygon]))
    }
}
