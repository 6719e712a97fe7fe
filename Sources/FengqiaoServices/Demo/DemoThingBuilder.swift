import FengqiaoDomain

/// Things of the grids (物): in every grid 2–4 facilities (消火栓, 充电棚, 监控探头, 井盖, 燃气调压箱)
/// and 1–2 hazards (危房, and in the country 地质灾害隐患点), each at a point inside the grid with a
/// short inspection note.
struct DemoThingBuilder {
    let atlas: DemoAtlas
    let nowMs: Int64

    static let columns = ["id", "name", "kind", "grid_code", "address", "lat", "lon", "note", "created_at"]

    /// The `things` inserts and how many things there are.
    func build(seed: UInt64) throws -> (statements: [String], count: Int) {
        var random = DemoRandom(seed: seed, stream: "things")
        var buffer = DemoSQLBuffer(table: "things", columns: Self.columns)
        for (g, grid) in atlas.grids.enumerated() {
            let urban = grid.site != nil || atlas.townships[grid.township].kind == .subdistrict
            let facilities: [ThingKind] =
                urban ? [.fireFacility, .eBikeChargingPoint, .camera, .manholeCover, .gasPipeline]
                : [.fireFacility, .camera, .manholeCover]
            let hazards: [ThingKind] = urban ? [.dilapidatedBuilding] : [.dilapidatedBuilding, .geologicalHazard]
            let kinds =
                (0..<random.int(2...4)).map { _ in random.pick(facilities) }
                + (0..<random.int(1...2)).map { _ in random.pick(hazards) }
            for kind in kinds {
                let spot = self.spot(of: kind, inGrid: g, &random)
                let point = grid.rect.randomPoint(&random)
                buffer.beginRow()
                buffer.add(buffer.rowCount + 1)
                buffer.add(spot.local + random.pick(Self.items(kind, urban: urban)))
                buffer.add(kind.rawValue)
                buffer.add(grid.code)
                buffer.add(spot.prefix + spot.local)
                buffer.add(point.latitude)
                buffer.add(point.longitude)
                buffer.add(random.pick(kind.category == .hazard ? Self.hazardNotes : Self.facilityNotes))
                buffer.add(nowMs - Int64(random.int(30...700)) * 86_400_000)
                buffer.endRow()
            }
        }
        return (try buffer.finish(), buffer.rowCount)
    }

    /// Where in the grid: a building, gate or corner of a compound, a house or the edge of a villagers'
    /// group, or the special site (dilapidated buildings are always a building); `prefix` makes the
    /// local part a full address.
    private func spot(of kind: ThingKind, inGrid index: Int, _ random: inout DemoRandom) -> (
        prefix: String, local: String
    ) {
        let grid = atlas.grids[index]
        let township = atlas.townships[grid.township]
        let village = atlas.villages[grid.village].name
        let prefix = atlas.counties[grid.county].name + township.name
        if let site = grid.site {
            let place = kind == .dilapidatedBuilding ? "旧\(random.int(1...6))号楼" : random.pick(Self.siteSpots)
            return (prefix, site + place)
        }
        guard !grid.addressUnits.isEmpty else { return (prefix, village) }
        let unit = random.pick(grid.addressUnits)
        if township.kind == .subdistrict {
            let building = "\(random.int(1...24))号楼"
            let place = kind == .dilapidatedBuilding ? building : random.pick([building + "东侧"] + Self.compoundSpots)
            return (prefix + village, unit + place)
        }
        let place: String =
            switch kind {
            case .dilapidatedBuilding: "\(random.int(1...120))号"
            case .geologicalHazard: random.pick(["北侧", "南侧", "东头", "西头"])
            default: "\(random.int(1...120))号旁"
            }
        return (prefix, unit + place)
    }

    private static let siteSpots = ["正门", "东侧", "西侧", "北门", "停车场"]
    private static let compoundSpots = ["南门", "北门", "小广场", "地下车库入口"]

    private static func items(_ kind: ThingKind, urban: Bool) -> [String] {
        switch kind {
        case .fireFacility: urban ? ["消火栓", "微型消防站", "灭火器箱"] : ["消防水池", "灭火器箱", "消火栓"]
        case .eBikeChargingPoint: ["电动自行车集中充电棚", "电动自行车充电桩"]
        case .camera: ["视频监控探头", "雪亮工程监控点"]
        case .manholeCover: ["雨水井盖", "污水井盖", "通信井盖"]
        case .gasPipeline: ["燃气调压箱", "燃气管线阀门井"]
        case .dilapidatedBuilding: urban ? ["C级危房", "老旧楼房外墙空鼓"] : ["土坯危房", "D级危房"]
        case .geologicalHazard: ["山洪沟道", "废弃采砂坑", "河岸塌岸点", "采空塌陷区"]
        case .other: ["其他设施"]
        }
    }

    private static let facilityNotes = [
        "每月巡检一次,状态正常", "上次巡检发现压力不足,已报修", "新装,已登记台账", "季度检查完好", "已纳入网格巡查清单",
    ]
    private static let hazardNotes = [
        "已设置警示标识,雨季加密巡查", "已列入年度改造计划", "住户已搬离,门窗已封闭", "网格员每周巡查一次", "已告知主管部门,等待处置",
    ]
}
