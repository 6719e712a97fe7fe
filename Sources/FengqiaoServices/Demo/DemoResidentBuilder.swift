import FengqiaoDomain

/// Residents of the ordinary grids with names, valid identity numbers (division code of their county,
/// sex in the 17th digit), mobiles and care tags, living in households (户) of 1–5 people who share
/// the household's address; identifiers are stored encrypted, with a blind index and a masked form.
/// Counties are built in parallel (encryption is the cost), each from its own random stream, so the
/// result does not depend on scheduling.
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
        /// The `households` inserts and how many households there are.
        var householdStatements: [String] = []
        var householdCount = 0
    }

    /// One resident before ids are given out; `household` indexes its county's households.
    private struct Resident: Sendable {
        let name: String, male: Bool, birthYear: Int, idCipher: String, idIndex: String, idMasked: String
        let phoneCipher: String?, phoneMasked: String?, grid: Int, address: String, tags: String, createdAt: Int64
        let household: Int, relation: HouseholdRelation
    }

    /// One household of a county before ids are given out.
    private struct Household: Sendable {
        let grid: Int, address: String, use: DwellingUse
        var createdAt: Int64
    }

    func build(seed: UInt64, cipher: PersonalDataCipher) async throws -> Output {
        let ordinary = atlas.grids.prefix(atlas.ordinaryGridCount)
        let perGrid = DemoApportion.split(scale.residents, weights: ordinary.map(\.activity))
        typealias Built = (residents: [Resident], households: [Household])
        let byCounty = try await withThrowingTaskGroup(of: (Int, Built).self) { group in
            for county in atlas.counties.indices {
                group.addTask {
                    (county, try self.residents(ofCounty: county, perGrid: perGrid, seed: seed, cipher: cipher))
                }
            }
            var result: [Int: Built] = [:]
            for try await (county, built) in group { result[county] = built }
            return result
        }
        var out = Output()
        var buffer = DemoSQLBuffer(table: "people", columns: Self.columns)
        var households = DemoSQLBuffer(table: "households", columns: Self.householdColumns)
        var gridStarts: [Int: Int] = [:]
        var gridEnds: [Int: Int] = [:]
        for county in atlas.counties.indices {
            let built = byCounty[county] ?? ([], [])
            // Household ids run on across counties, in county order.
            let firstHousehold = Int64(households.rowCount + 1)
            for household in built.households {
                households.beginRow()
                households.add(Int64(households.rowCount + 1))
                households.add(atlas.grids[household.grid].code)
                households.add(household.address)
                households.add(household.use.rawValue)
                households.add(household.createdAt)
                households.endRow()
            }
            for r in built.residents {
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
                buffer.add(firstHousehold + Int64(r.household))
                buffer.add(r.relation.rawValue)
                buffer.endRow()
                out.names.append(r.name)
                out.phoneCiphers.append(r.phoneCipher)
                out.phoneMasked.append(r.phoneMasked)
            }
        }
        out.gridRanges = ordinary.indices.map { g in (gridStarts[g] ?? 0)..<(gridEnds[g] ?? 0) }
        out.statements = try buffer.finish()
        out.householdCount = households.rowCount
        out.householdStatements = try households.finish()
        return out
    }

    static let columns = [
        "id", "name", "gender", "birth_year", "id_number_cipher", "id_number_index", "id_number_masked",
        "phone_cipher", "phone_masked", "grid_code", "address", "tags", "created_at", "household_id", "relation",
    ]

    static let householdColumns = ["id", "grid_code", "address", "dwelling_use", "created_at"]

    private func residents(
        ofCounty county: Int, perGrid: [Int], seed: UInt64, cipher: PersonalDataCipher
    ) throws -> (residents: [Resident], households: [Household]) {
        let division = atlas.counties[county].prefix
        var random = DemoRandom(seed: seed, stream: "people.\(division)")
        let composer = DemoHouseholdComposer()
        let addresses = DemoAddresses(atlas: atlas)
        var issued: Set<String> = []
        var residents: [Resident] = []
        var households: [Household] = []
        for g in 0..<atlas.ordinaryGridCount where atlas.grids[g].county == county {
            let mongolianShare = atlas.townships[atlas.grids[g].township].kind == .sumu ? 0.45 : 0.06
            var used: Set<String> = []
            var left = perGrid[g]
            while left > 0 {
                let members = composer.members(
                    count: min(left, composer.size(&random)), mongolianShare: mongolianShare, &random)
                left -= members.count
                // One household per address in a grid; a crowded grid falls back to spare numbers.
                var address = addresses.home(inGrid: g, &random)
                var attempts = 0
                while !used.insert(address).inserted {
                    attempts += 1
                    address =
                        attempts < 20
                        ? addresses.home(inGrid: g, &random) : addresses.spare(inGrid: g, number: used.count + attempts)
                }
                let use = dwellingUse(&random)
                let household = households.count
                var createdAt = Int64.max
                for member in members {
                    let resident = try resident(
                        member, grid: g, address: address, household: household, livesAlone: members.count == 1,
                        use: use, division: division, issued: &issued, cipher: cipher, &random)
                    createdAt = min(createdAt, resident.createdAt)
                    residents.append(resident)
                }
                households.append(Household(grid: g, address: address, use: use, createdAt: createdAt))
            }
        }
        return (residents, households)
    }

    private func resident(
        _ member: DemoHouseholdComposer.Member, grid g: Int, address: String, household: Int, livesAlone: Bool,
        use: DwellingUse, division: String, issued: inout Set<String>, cipher: PersonalDataCipher,
        _ random: inout DemoRandom
    ) throws -> Resident {
        let (male, year) = (member.male, member.birthYear)
        let month = random.int(1...12)
        let day = random.int(1...DemoIdentifiers.daysIn(month: month, year: year))
        var id: ResidentIdentityNumber?
        repeat {
            id = DemoIdentifiers.identityNumber(
                division: division, year: year, month: month, day: day, male: male, &random)
        } while id.map { !issued.insert($0.rawValue).inserted } ?? false
        guard let id else { throw DemoSQLBuffer.Malformed(table: "people", reason: "no identity number for \(year)") }
        let age = currentYear - year
        let phone: String? = age >= 12 && random.chance(0.93) ? DemoIdentifiers.mobile(&random) : nil
        return Resident(
            name: member.name, male: male, birthYear: year, idCipher: try cipher.seal(id.rawValue),
            idIndex: cipher.blindIndex(id.rawValue), idMasked: id.masked,
            phoneCipher: try phone.map { try cipher.seal($0) }, phoneMasked: phone.flatMap { PhoneNumber($0)?.masked },
            grid: g, address: address,
            tags: tags(age: age, male: male, livesAlone: livesAlone, rented: use == .rented, &random),
            createdAt: nowMs - Int64(random.int(30...900)) * 86_400_000 - Int64(random.below(86_400_000)),
            household: household, relation: member.relation)
    }

    /// Mostly lived in by the owners; some rented out (以房管人 starts there), empty or used as a shop.
    private func dwellingUse(_ random: inout DemoRandom) -> DwellingUse {
        let uses: [DwellingUse] = [.ownerOccupied, .rented, .vacant, .business, .other]
        return uses[random.weightedIndex([80, 12, 3, 3, 2])]
    }

    /// Care and management tags, comma-separated; most people have none. 独居老人 are old people
    /// registered alone in their household; tenants are more often 流动人口.
    private func tags(age: Int, male: Bool, livesAlone: Bool, rented: Bool, _ random: inout DemoRandom) -> String {
        var tags: [String] = []
        if random.chance(0.03) { tags.append("低保户") }
        if age >= 70, livesAlone, random.chance(0.6) { tags.append("独居老人") }
        if male, (22...75).contains(age), random.chance(0.07) { tags.append("退役军人") }
        if random.chance(0.02) { tags.append("残疾人") }
        if age < 16, random.chance(0.06) { tags.append("留守儿童") }
        if age >= 18, random.chance(0.08) { tags.append("党员") }
        if (18...60).contains(age), random.chance(rented ? 0.3 : 0.03) { tags.append("流动人口") }
        if age >= 18, random.chance(0.005) { tags.append("重点人员") }
        return tags.joined(separator: ",")
    }
}
