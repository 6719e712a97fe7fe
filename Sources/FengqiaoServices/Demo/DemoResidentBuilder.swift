import FengqiaoDomain

/// Residents of the ordinary grids with names, valid identity numbers (division code of their county,
/// sex in the 17th digit), mobiles, home addresses and care tags; identifiers are stored encrypted,
/// with a blind index and a masked form. Counties are built in parallel (encryption is the cost),
/// each from its own random stream, so the result does not depend on scheduling.
struct DemoResidentBuilder: Sendable {
    let atlas: DemoAtlas
    let scale: DemoScale
    let nowMs: Int64
    let currentYear: Int

    /// The `people` rows and what cases need to refer to them.
    struct Output: Sendable {
        var statements: [String] = []
        var names: [String] = []
        var phoneCiphers: [String?] = []
        var phoneMasked: [String?] = []
        /// Per ordinary grid, the indices into `names` (id = index + 1) of its residents.
        var gridRanges: [Range<Int>] = []
    }

    /// One resident before ids are given out.
    private struct Resident: Sendable {
        let name: String, male: Bool, birthYear: Int, idCipher: String, idIndex: String, idMasked: String
        let phoneCipher: String?, phoneMasked: String?, grid: Int, address: String, tags: String, createdAt: Int64
    }

    func build(seed: UInt64, cipher: PersonalDataCipher) async throws -> Output {
        let ordinary = atlas.grids.prefix(atlas.ordinaryGridCount)
        let perGrid = DemoApportion.split(scale.residents, weights: ordinary.map(\.activity))
        let byCounty = try await withThrowingTaskGroup(of: (Int, [Resident]).self) { group in
            for county in atlas.counties.indices {
                group.addTask {
                    (county, try self.residents(ofCounty: county, perGrid: perGrid, seed: seed, cipher: cipher))
                }
            }
            var result: [Int: [Resident]] = [:]
            for try await (county, residents) in group { result[county] = residents }
            return result
        }
        var out = Output()
        var buffer = DemoSQLBuffer(table: "people", columns: Self.columns)
        var gridStarts: [Int: Int] = [:]
        var gridEnds: [Int: Int] = [:]
        for county in atlas.counties.indices {
            for r in byCounty[county] ?? [] {
                let index = out.names.count
                if gridStarts[r.grid] == nil { gridStarts[r.grid] = index }
                gridEnds[r.grid] = index + 1
                buffer.beginRow()
                buffer.add(Int64(index + 1))
                buffer.add(r.name)
                buffer.add(r.male ? "male" : "female")
                buffer.add(r.birthYear)
                buffer.add(r.idCipher)
                buffer.add(r.idIndex)
                buffer.add(r.idMasked)
                buffer.add(r.phoneCipher)
                buffer.add(r.phoneMasked)
                buffer.add(atlas.grids[r.grid].code)
                buffer.add(r.address)
                buffer.add(r.tags)
                buffer.add(r.createdAt)
                buffer.endRow()
                out.names.append(r.name)
                out.phoneCiphers.append(r.phoneCipher)
                out.phoneMasked.append(r.phoneMasked)
            }
        }
        out.gridRanges = ordinary.indices.map { g in (gridStarts[g] ?? 0)..<(gridEnds[g] ?? 0) }
        out.statements = try buffer.finish()
        return out
    }

    static let columns = [
        "id", "name", "gender", "birth_year", "id_number_cipher", "id_number_index", "id_number_masked",
        "phone_cipher", "phone_masked", "grid_code", "address", "tags", "created_at",
    ]

    private func residents(
        ofCounty county: Int, perGrid: [Int], seed: UInt64, cipher: PersonalDataCipher
    ) throws -> [Resident] {
        let division = atlas.counties[county].prefix
        var random = DemoRandom(seed: seed, stream: "people.\(division)")
        let namer = DemoPersonNamer()
        let addresses = DemoAddresses(atlas: atlas)
        var issued: Set<String> = []
        var residents: [Resident] = []
        for g in 0..<atlas.ordinaryGridCount where atlas.grids[g].county == county {
            let mongolianShare = atlas.townships[atlas.grids[g].township].kind == .sumu ? 0.45 : 0.06
            for _ in 0..<perGrid[g] {
                let male = random.chance(0.51)
                let year = birthYear(&random)
                let month = random.int(1...12)
                let day = random.int(1...DemoIdentifiers.daysIn(month: month, year: year))
                var id: ResidentIdentityNumber?
                repeat {
                    id = DemoIdentifiers.identityNumber(
                        division: division, year: year, month: month, day: day, male: male, &random)
                } while id.map { !issued.insert($0.rawValue).inserted } ?? false
                guard let id else { continue }
                let age = currentYear - year
                let phone: String? = age >= 12 && random.chance(0.93) ? DemoIdentifiers.mobile(&random) : nil
                residents.append(
                    Resident(
                        name: namer.name(male: male, birthYear: year, mongolianShare: mongolianShare, &random),
                        male: male,
                        birthYear: year, idCipher: try cipher.seal(id.rawValue),
                        idIndex: cipher.blindIndex(id.rawValue),
                        idMasked: id.masked, phoneCipher: try phone.map { try cipher.seal($0) },
                        phoneMasked: phone.flatMap { PhoneNumber($0)?.masked }, grid: g,
                        address: addresses.home(inGrid: g, &random),
                        tags: tags(age: age, male: male, &random),
                        createdAt: nowMs - Int64(random.int(30...900)) * 86_400_000 - Int64(random.below(86_400_000))))
            }
        }
        return residents
    }

    /// Born 1940–2008, weighted towards working ages as in a northern city's population pyramid.
    private func birthYear(_ random: inout DemoRandom) -> Int {
        let bands: [(ClosedRange<Int>, Double)] = [
            (1940...1954, 0.07), (1955...1964, 0.14), (1965...1974, 0.19), (1975...1984, 0.18),
            (1985...1994, 0.19), (1995...2002, 0.13), (2003...2008, 0.10),
        ]
        return random.int(bands[random.weightedIndex(bands.map(\.1))].0)
    }

    /// Care and management tags, comma-separated; most people have none.
    private func tags(age: Int, male: Bool, _ random: inout DemoRandom) -> String {
        var tags: [String] = []
        if random.chance(0.03) { tags.append("低保户") }
        if age >= 70, random.chance(0.18) { tags.append("独居老人") }
        if male, (22...75).contains(age), random.chance(0.07) { tags.append("退役军人") }
        if random.chance(0.02) { tags.append("残疾人") }
        if age < 16, random.chance(0.06) { tags.append("留守儿童") }
        if age >= 18, random.chance(0.08) { tags.append("党员") }
        if (18...60).contains(age), random.chance(0.05) { tags.append("流动人口") }
        if age >= 18, random.chance(0.005) { tags.append("重点人员") }
        return tags.joined(separator: ",")
    }
}
