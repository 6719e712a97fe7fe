import FengqiaoDomain

/// The 9+N departments of every county and township centre, with their stationing (常驻/轮驻/随叫随驻).
struct DemoDepartmentBuilder {
    let atlas: DemoAtlas

    struct Department: Sendable {
        let id: Int64
        let code: String
        let shortName: String
        let name: String
        let areaCode: String
        /// 常驻, 轮驻 or 随叫随驻; rotating ones get a duty roster.
        let stationing: Stationing
    }

    struct Output: Sendable {
        var statements: [String] = []
        /// Per county index, departments by code.
        var county: [[String: Department]] = []
        /// Per township index, departments by code.
        var township: [[String: Department]] = []
        var all: [Department] = []
    }

    func build(seed: UInt64) throws -> Output {
        var random = DemoRandom(seed: seed, stream: "departments")
        var out = Output()
        var buffer = DemoSQLBuffer(table: "departments", columns: Self.columns)
        let optionalByCode = Dictionary(uniqueKeysWithValues: DemoDepartmentCatalog.optional.map { ($0.code, $0) })
        func add(
            _ entries: [DemoDepartmentCatalog.Entry], areaCode: String, county: Bool,
            name: (DemoDepartmentCatalog.Entry) -> String
        ) -> [String: Department] {
            var byCode: [String: Department] = [:]
            for entry in entries {
                let usual = DemoDepartmentCatalog.usualStationing(entry.code, county: county)
                // Mostly the usual arrangement; now and then a centre does it differently.
                let stationing = random.chance(0.85) ? usual[0] : random.pick(Stationing.allCases)
                let department = Department(
                    id: Int64(out.all.count + 1), code: entry.code, shortName: entry.shortName, name: name(entry),
                    areaCode: areaCode, stationing: stationing)
                buffer.beginRow()
                buffer.add(department.id)
                buffer.add(areaCode)
                buffer.add(entry.code)
                buffer.add(department.name)
                buffer.add(entry.isCore ? 1 : 0)
                buffer.add(stationing.rawValue)
                buffer.endRow()
                out.all.append(department)
                byCode[entry.code] = department
            }
            return byCode
        }
        for county in atlas.counties {
            let optional = DemoDepartmentCatalog.optional.filter { _ in random.chance(0.8) }
            let entries =
                DemoDepartmentCatalog.core
                + (optional.count >= 3 ? optional : Array(DemoDepartmentCatalog.optional.prefix(4)))
            out.county.append(
                add(entries, areaCode: county.code, county: true) {
                    $0.countyName.replacingOccurrences(of: "{c}", with: county.name)
                })
        }
        for township in atlas.townships {
            let (always, maybe) = DemoDepartmentCatalog.optionalCodes(for: township.kind)
            let codes = always + maybe.filter { _ in random.chance(0.4) }
            let entries = DemoDepartmentCatalog.core + codes.compactMap { optionalByCode[$0] }
            out.township.append(
                add(entries, areaCode: township.code, county: false) {
                    $0.townshipName.replacingOccurrences(of: "{t}", with: township.name)
                        .replacingOccurrences(of: "{s}", with: township.shortName)
                })
        }
        out.statements = try buffer.finish()
        return out
    }

    static let columns = ["id", "area_code", "code", "name", "is_core", "stationing"]
}
