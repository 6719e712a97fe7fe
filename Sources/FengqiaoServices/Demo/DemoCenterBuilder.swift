import FengqiaoDomain

/// The 综治中心 of the city, every county, township and village (GB/T 33200-2016's four levels):
/// 包头市社会治理中心, 九原区社会治理中心, 沙河街道综治中心, 康乐社区综治中心 — each at an address in its
/// area and with a distinct fixed-line hotline (0472 is 包头's area code).
struct DemoCenterBuilder {
    let atlas: DemoAtlas
    let createdAt: Int64

    static let columns = ["area_code", "name", "level", "address", "hotline", "created_at"]

    /// The `centers` inserts and how many centres there are.
    func build(seed: UInt64) throws -> (statements: [String], count: Int) {
        var random = DemoRandom(seed: seed, stream: "centers")
        var buffer = DemoSQLBuffer(table: "centers", columns: Self.columns)
        var hotlines: Set<String> = []
        func add(_ code: String, _ name: String, _ level: CenterLevel, _ address: String) {
            var hotline: String
            repeat {
                // 7-digit local numbers start with 2–8.
                hotline = "0472-\(random.int(2...8))" + DemoIdentifiers.digits(random.below(1_000_000), width: 6)
            } while !hotlines.insert(hotline).inserted
            buffer.beginRow()
            buffer.add(code)
            buffer.add(name)
            buffer.add(level.rawValue)
            buffer.add(address)
            buffer.add(hotline)
            buffer.add(createdAt)
            buffer.endRow()
        }
        func street(_ township: DemoAtlas.Township) -> String {
            (township.roads.isEmpty ? township.shortName + "路" : random.pick(township.roads))
                + "\(random.int(1...300))号"
        }

        // The city centre sits in 九原区 (the seat of the city government), or the first county.
        let seat = atlas.counties.first { $0.code == "150207000000" } ?? atlas.counties.first
        if let seat, let township = seat.townships.first.map({ atlas.townships[$0] }) {
            add(
                DemoGazetteer.cityCode, DemoGazetteer.cityName + "社会治理中心", .city,
                DemoGazetteer.cityName + seat.name + street(township))
        }
        for county in atlas.counties {
            guard let township = county.townships.first.map({ atlas.townships[$0] }) else { continue }
            add(county.code, county.name + "社会治理中心", .county, county.name + street(township))
        }
        for township in atlas.townships {
            let county = atlas.counties[township.county].name
            add(township.code, township.name + "综治中心", .township, county + township.name + street(township))
        }
        for village in atlas.villages {
            let township = atlas.townships[village.township]
            // Village and community centres share the 党群服务中心 building.
            add(
                village.code, village.name + "综治中心", .village,
                atlas.counties[village.county].name + township.name + village.name + "党群服务中心")
        }
        return (try buffer.finish(), buffer.rowCount)
    }
}
