import FengqiaoDomain

/// Who lives together in one demo household (户): a 户主 of working age or older, usually a spouse,
/// then children or the head's parents, with plausible ages and sexes, and children carrying the
/// father's surname. Birth years stay within 1940–2008, the range the identity numbers use.
struct DemoHouseholdComposer: Sendable {
    /// One member before identifiers are drawn.
    struct Member: Sendable {
        let name: String
        let male: Bool
        let birthYear: Int
        let relation: HouseholdRelation
    }

    static let oldest = 1940
    static let youngest = 2008
    /// Household sizes 1…5, about the 2.6 persons of the 2020 census.
    static let sizeWeights: [Double] = [22, 30, 26, 14, 8]

    let namer = DemoPersonNamer()

    /// A household size, 1 to 5.
    func size(_ random: inout DemoRandom) -> Int { 1 + random.weightedIndex(Self.sizeWeights) }

    /// The members of a household of `count` people, 户主 first.
    func members(count: Int, mongolianShare: Double, _ random: inout DemoRandom) -> [Member] {
        // Heads are adults; a young head (born after 1986) has no grown children yet.
        let headMale = random.chance(0.7)
        let headYear = headBirthYear(&random)
        let head = namer.name(
            male: headMale, birthYear: headYear, mongolianShare: mongolianShare, surname: nil, &random)
        var members = [Member(name: head.name, male: headMale, birthYear: headYear, relation: .head)]
        var fatherSurname = headMale ? head.surname : nil
        let mongolianFamily = head.surname == nil
        if count > 1, random.chance(0.8) {
            let gap = random.int(0...4)
            let year = clamp(headMale ? headYear + gap : headYear - gap)
            let spouse = namer.name(
                male: !headMale, birthYear: year, mongolianShare: mongolianFamily ? 0.7 : mongolianShare,
                surname: nil, &random)
            if !headMale { fatherSurname = spouse.surname }
            members.append(Member(name: spouse.name, male: !headMale, birthYear: year, relation: .spouse))
        }
        var parents = 0
        while members.count < count {
            let canHaveChild = headYear + 22 <= Self.youngest
            let canHaveParent = headYear - 22 >= Self.oldest && parents < 2
            let male = random.chance(0.51)
            let relation: HouseholdRelation
            let year: Int
            if canHaveChild, !canHaveParent || random.chance(0.8) {
                relation = .child
                year = min(Self.youngest, headYear + random.int(22...34))
            } else if canHaveParent {
                relation = .parent
                parents += 1
                year = max(Self.oldest, headYear - random.int(22...32))
            } else {
                relation = .other
                year = clamp(headYear + random.int(-8...8))
            }
            let surname = relation == .child && random.chance(0.92) ? fatherSurname : nil
            let share = relation == .child && mongolianFamily ? 0.9 : mongolianShare
            let name = namer.name(male: male, birthYear: year, mongolianShare: share, surname: surname, &random)
            members.append(Member(name: name.name, male: male, birthYear: year, relation: relation))
        }
        return members
    }

    /// A head's birth year, 1940–2002, weighted towards working ages as in a northern city's
    /// population pyramid.
    private func headBirthYear(_ random: inout DemoRandom) -> Int {
        let bands: [(ClosedRange<Int>, Double)] = [
            (1940...1954, 0.07), (1955...1964, 0.14), (1965...1974, 0.19), (1975...1984, 0.18),
            (1985...1994, 0.19), (1995...2002, 0.13),
        ]
        return random.int(bands[random.weightedIndex(bands.map(\.1))].0)
    }

    private func clamp(_ year: Int) -> Int { min(Self.youngest, max(Self.oldest, year)) }
}
