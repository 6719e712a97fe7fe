import FengqiaoDomain

/// Residents of the ordinary grids with names, valid identity numbers (division code of their county,
/// sex in the 17th digit), mobiles, home addresses and care tags; identifiers are stored encrypted,
/// with a blind index and a masked form.
struct DemoResidentBuilder {
    let atlas: DemoAtlas
    let scale: DemoScale
    let nowMs: Int64
    let currentYear: Int

    /// The people rows and what cases need to refer to them.
    struct Output: Sendable {
        var rows: [[any Encodable & Sendable]] = []
        var names: [String] = []
        var phoneCiphers: [String?] = []
        var phoneMasked: [String?] = []
        /// Per ordinary grid, the indices into `names` (id = index + 1) of its residents.
        var gridRanges: [Range<Int>] = []
    }

    func build(seed: UInt64, cipher: PersonalDataCipher) throws -> Output {
        var random = DemoRandom(seed: seed, stream: "people")
        let namer = DemoPersonNamer()
        let addresses = DemoAddresses(atlas: atlas)
        let grids = atlas.grids.prefix(atlas.ordinaryGridCount)
        let perGrid = DemoApportion.split(scale.residents, weights: grids.map(\.activity))
        var out = Output()
        out.rows.reserveCapacity(scale.residents)
        var issued: Set<String> = []
        for (g, grid) in grids.enumerated() {
            let start = out.names.count
            let division = atlas.counties[grid.county].prefix
            let mongolianShare = atlas.townships[grid.township].kind == .sumu ? 0.45 : 0.06
            for _ in 0..<perGrid[g] {
                let male = random.chance(0.51)
                let year = birthYear(&random), month = random.int(1...12)
                let day = random.int(1...DemoIdentifiers.daysIn(month: month, year: year))
                var id: ResidentIdentityNumber?
                repeat {
                    id = DemoIdentifiers.identityNumber(division: division, year: year, month: month, day: day, male: male, &random)
                } while id.map { !issued.insert($0.rawValue).inserted } ?? false
                guard let id else { continue }
                let name = namer.name(male: male, birthYear: year, mongolianShare: mongolianShare, &random)
                let age = currentYear - year
                let phone: String? = age >= 12 && random.chance(0.93) ? DemoIdentifiers.mobile(&random) : nil
                let phoneCipher = try phone.map { try cipher.seal($0) }
                let masked = phone.flatMap { PhoneNumber($0)?.masked }
                let createdAt = nowMs - Int64(random.int(30...900)) * 86_400_000 - Int64(random.below(86_400_000))
                out.rows.append([
                    Int64(out.names.count + 1), name, male ? "male" : "female", year, try cipher.seal(id.rawValue),
                    cipher.blindIndex(id.rawValue), id.masked, phoneCipher, masked, grid.code,
                    addresses.home(inGrid: g, &random), tags(age: age, male: male, &random), createdAt,
                ])
                out.names.append(name)
                out.phoneCiphers.append(phoneCipher)
                out.phoneMasked.append(masked)
            }
            out.gridRanges.append(start..<out.names.count)
        }
        return out
    }

    static let columns = [
        "id", "name", "gender", "birth_year", "id_number_cipher", "id_number_index", "id_number_masked",
        "phone_cipher", "phone_masked", "grid_code", "address", "tags", "created_at",
    ]

    /// Born 1940–2008, weighted towards working ages as in a northern city's population pyramid.
    private func birthYear(_ random: inout DemoRandom) -> Int {
        let bands: [(ClosedRange<Int>, Double)] = [
            (1940...1954, 0.07), (1955...1964, 0.14), (1965...1974, 0.19), (1975...1984, 0.18),
            (1985...1994, 0.19), (1995...2002, 0.13), (2003...2008, 0.10),
        ]
        let band = bands[random.weightedIndex(bands.map(\.1))].0
        return random.int(band)
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
