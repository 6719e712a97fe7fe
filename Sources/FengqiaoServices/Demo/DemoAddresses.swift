/// Street addresses inside a grid: 九原区沙河街道康乐社区阳光花园3号楼2单元502, or in the country
/// 九原区哈林格尔镇毛其来村3组17号.
struct DemoAddresses: Sendable {
    let atlas: DemoAtlas

    /// A home address in ordinary grid `index`.
    func home(inGrid index: Int, _ random: inout DemoRandom) -> String {
        let grid = atlas.grids[index]
        let county = atlas.counties[grid.county].name
        let township = atlas.townships[grid.township].name
        guard let unit = grid.addressUnits.isEmpty ? nil : random.pick(grid.addressUnits) else {
            return county + township + (grid.site ?? atlas.villages[grid.village].name)
        }
        if atlas.townships[grid.township].kind == .subdistrict {
            let floor = random.int(1...18)
            let room = random.int(1...4)
            return county + township + atlas.villages[grid.village].name + unit
                + "\(random.int(1...24))号楼\(random.int(1...4))单元\(floor)0\(room)"
        }
        return county + township + unit + "\(random.int(1...120))号"
    }

    /// A home address of ordinary grid `index` that `home` never draws, distinct for each `number`:
    /// for a grid so crowded that random addresses keep repeating.
    func spare(inGrid index: Int, number: Int) -> String {
        let grid = atlas.grids[index]
        let county = atlas.counties[grid.county].name
        let township = atlas.townships[grid.township].name
        let unit = grid.addressUnits.first ?? (grid.site ?? atlas.villages[grid.village].name)
        if atlas.townships[grid.township].kind == .subdistrict {
            return county + township + atlas.villages[grid.village].name + unit + "\(200 + number)号"
        }
        return county + township + unit + "\(120 + number)号"
    }

    /// Where something happened in grid `index`: a building, a compound gate, a road, or the special site.
    func spot(inGrid index: Int, _ random: inout DemoRandom) -> String {
        let grid = atlas.grids[index]
        let township = atlas.townships[grid.township]
        let prefix = atlas.counties[grid.county].name + township.name
        if let site = grid.site { return prefix + site + random.pick(["正门", "东侧", "西侧", "停车场", "院内", "北门"]) }
        switch random.below(3) {
        case 0 where !township.roads.isEmpty:
            return prefix + random.pick(township.roads) + "\(random.int(1...300))号附近"
        case 1 where township.kind == .subdistrict && !grid.addressUnits.isEmpty:
            return prefix + atlas.villages[grid.village].name + random.pick(grid.addressUnits)
                + random.pick(["南门", "北门", "东门", "\(random.int(1...24))号楼", "地下车库", "小广场"])
        default:
            return home(inGrid: index, &random)
        }
    }
}
