import FengqiaoDomain

/// Places of the grids (小区, 商铺, 学校, 医院, 加油站, 出租屋 …) with a point inside their grid. Every
/// compound that addresses use is a place; each special grid has its site as a place.
struct DemoPlaceBuilder {
    let atlas: DemoAtlas
    let scale: DemoScale
    let nowMs: Int64

    /// Kinds of place; the raw value, a `PlaceKind` raw value, is stored in `places.kind`.
    enum Kind: String, CaseIterable, Sendable {
        case residentialCompound, shop, school, kindergarten, hospital, clinic, gasStation, rentalHousing
        case internetCafe, hotel, market = "farmersMarket", elderlyCare, constructionSite, courierStation, industrialPark
        case villageCommittee, farm, warehouse

        var chineseName: String {
            switch self {
            case .residentialCompound: "小区"
            case .shop: "商铺"
            case .school: "学校"
            case .kindergarten: "幼儿园"
            case .hospital: "医院"
            case .clinic: "诊所"
            case .gasStation: "加油站"
            case .rentalHousing: "出租屋"
            case .internetCafe: "网吧"
            case .hotel: "宾馆"
            case .market: "农贸市场"
            case .elderlyCare: "养老院"
            case .constructionSite: "建筑工地"
            case .courierStation: "快递网点"
            case .industrialPark: "园区"
            case .villageCommittee: "村委会"
            case .farm: "养殖场"
            case .warehouse: "仓库"
            }
        }
    }

    /// The insert statements and the number of places.
    func build(seed: UInt64) throws -> (statements: [String], count: Int) {
        var random = DemoRandom(seed: seed, stream: "places")
        let addresses = DemoAddresses(atlas: atlas)
        let ordinary = Array(atlas.grids.prefix(atlas.ordinaryGridCount))
        let perGrid = DemoApportion.split(
            Int(scale.placesPerGrid * Double(ordinary.count)), weights: ordinary.map(\.activity))
        var buffer = DemoSQLBuffer(table: "places", columns: Self.columns)
        func add(_ name: String, _ kind: Kind, grid g: Int, address: String) {
            let point = atlas.grids[g].rect.randomPoint(&random)
            buffer.beginRow()
            buffer.add(buffer.rowCount + 1)
            buffer.add(name)
            buffer.add(kind.rawValue)
            buffer.add(atlas.grids[g].code)
            buffer.add(address)
            buffer.add(point.latitude)
            buffer.add(point.longitude)
            buffer.add(nowMs - Int64(random.int(60...2_000)) * 86_400_000)
            buffer.endRow()
        }
        for (g, grid) in ordinary.enumerated() {
            let urban = atlas.townships[grid.township].kind == .subdistrict
            let prefix = atlas.addressPrefix(ofGrid: g)
            if urban {
                for unit in grid.addressUnits { add(unit, .residentialCompound, grid: g, address: prefix + unit) }
            }
            let kinds: [Kind] =
                urban
                ? [
                    .shop, .rentalHousing, .kindergarten, .clinic, .internetCafe, .hotel, .courierStation,
                    .constructionSite, .gasStation, .elderlyCare, .market,
                ]
                : [.shop, .rentalHousing, .farm, .warehouse, .clinic, .gasStation, .villageCommittee, .courierStation]
            let weights: [Double] = urban ? [30, 22, 6, 8, 4, 5, 8, 4, 3, 3, 3] : [25, 10, 20, 10, 8, 5, 6, 6]
            for _ in 0..<perGrid[g] {
                let kind = kinds[random.weightedIndex(weights)]
                let address = addresses.home(inGrid: g, &random)
                add(name(kind, grid: grid, address: address, &random), kind, grid: g, address: address)
            }
        }
        for g in atlas.ordinaryGridCount..<atlas.grids.count {
            let grid = atlas.grids[g]
            let kind: Kind =
                switch grid.kind {
                case .school: .school
                case .hospital: .hospital
                case .park: .industrialPark
                case .business, .ordinary: .market
                }
            add(grid.site ?? grid.name, kind, grid: g, address: atlas.addressPrefix(ofGrid: g) + (grid.site ?? ""))
        }
        return (try buffer.finish(), buffer.rowCount)
    }

    static let columns = ["id", "name", "kind", "grid_code", "address", "lat", "lon", "created_at"]

    private func name(_ kind: Kind, grid: DemoAtlas.Grid, address: String, _ random: inout DemoRandom) -> String {
        let village = atlas.villages[grid.village].name
        let short = atlas.townships[grid.township].shortName
        switch kind {
        case .rentalHousing: return address + "出租屋"
        case .shop: return random.pick(["便民超市", "五金建材", "家常菜馆", "烧麦馆", "理发店", "药店", "水果店", "烟酒店"]) + "（\(village)）"
        case .kindergarten: return village + random.pick(["幼儿园", "阳光幼儿园", "蓓蕾幼儿园"])
        case .clinic: return village + random.pick(["卫生室", "社区卫生服务站", "诊所"])
        case .internetCafe: return short + random.pick(["星空网咖", "极速网吧", "竞技网咖"])
        case .hotel: return short + random.pick(["快捷酒店", "宾馆", "商务酒店"])
        case .courierStation: return village + random.pick(["快递驿站", "菜鸟驿站", "邮政代办点"])
        case .constructionSite: return village + random.pick(["棚改项目工地", "道路改造工地", "住宅项目工地"])
        case .gasStation: return random.pick(["中国石油", "中国石化"]) + short + "加油站"
        case .elderlyCare: return short + random.pick(["日间照料中心", "养老院", "老年服务站"])
        case .market: return short + random.pick(["农贸市场", "菜市场", "便民市场"])
        case .farm: return village + random.pick(["肉羊养殖场", "奶牛养殖场", "生猪养殖场"])
        case .warehouse: return village + random.pick(["粮食仓库", "物流仓库", "农资仓库"])
        case .villageCommittee: return village + "村民委员会"
        case .residentialCompound, .school, .hospital, .industrialPark: return village + kind.chineseName
        }
    }
}
