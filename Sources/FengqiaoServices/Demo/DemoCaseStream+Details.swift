import FengqiaoDomain

extension DemoCaseStream {
    /// Who reported the matter and can be called back.
    struct Contact {
        var name: String?
        var phoneCipher: String?
        var phoneMasked: String?
        var personId: Int64?
    }

    /// Cameras leave no contact; grid workers give their own; residents of the grid report most
    /// matters themselves, some callers are not registered there, some stay anonymous.
    mutating func contactFor(channel: Channel, grid g: Int) -> Contact {
        let c = context
        switch channel {
        case .aiCamera:
            return Contact()
        case .gridWorker:
            return Contact(
                name: c.staff.gridWorkerName[g], phoneCipher: c.staff.gridWorkerPhone[g],
                phoneMasked: c.staff.gridWorkerPhoneMasked[g])
        default:
            let residents = c.residentRange(ofGrid: g)
            let r = random.unit()
            if r < 0.62, !residents.isEmpty {
                let i = residents.lowerBound + random.below(residents.count)
                let withPhone = channel != .letter || random.chance(0.5)
                return Contact(
                    name: c.residents.names[i], phoneCipher: withPhone ? c.residents.phoneCiphers[i] : nil,
                    phoneMasked: withPhone ? c.residents.phoneMasked[i] : nil, personId: Int64(i + 1))
            }
            if r < 0.85, !c.strangerPhones.isEmpty {
                let phone = random.pick(c.strangerPhones)
                let name = c.namer.name(
                    male: random.chance(0.5), birthYear: random.int(1950...2000), mongolianShare: 0.06, &random)
                return Contact(name: name, phoneCipher: phone.cipher, phoneMasked: phone.masked)
            }
            return Contact(name: channel == .fiveColorBag || channel == .web ? nil : "匿名")
        }
    }

    /// The description, from a template suited to town or country, with the channel's usual framing.
    mutating func describe(
        _ category: DemoCaseCatalog.Category, channel: Channel, grid g: Int, people: Int, amount: Int64,
        respondent: String?
    ) -> String {
        let c = context
        let grid = c.atlas.grids[g]
        let township = c.atlas.townships[grid.township]
        let village = c.atlas.villages[grid.village].name
        let road = township.roads.isEmpty ? village : random.pick(township.roads)
        if channel == .aiCamera, let scene = DemoCaseTexts.cameraScenes[category.name] {
            return "【AI视频预警】\(road)\(random.int(1...40))号监控点识别到\(scene)，已自动抓拍，请核实处置。"
        }
        let urban = township.kind == .subdistrict
        let suitable = category.templates.filter {
            urban ? !$0.slots.contains(.village) : !$0.slots.contains(.compound)
        }
        let template = random.pick(suitable.isEmpty ? category.templates : suitable)
        var random = self.random
        let text = template.render { slot in
            switch slot {
            case .compound: urban && !grid.addressUnits.isEmpty ? random.pick(grid.addressUnits) : village
            case .building: urban ? "\(random.int(1...24))号楼" : "\(random.int(1...60))号院"
            case .entrance: "\(random.int(1...4))单元"
            case .road: road
            case .village: village
            case .organization: respondent ?? "某公司"
            case .people: String(people)
            case .amount: String(amount)
            case .days: String(random.int(2...20))
            case .months: String(random.int(2...8))
            case .time: random.pick(DemoCaseTexts.times)
            }
        }
        self.random = random
        switch channel {
        case .hotline12345: return "市民来电反映：" + text
        case .letter: return "来信反映：" + text
        case .fiveColorBag: return "【五色袋】" + text
        case .qrCode: return "群众扫码反映：" + text
        default: return text
        }
    }

    /// The centre that handles the case (mostly the township's, a quarter the county's), its lead
    /// department for the category, and the accounts acting for them.
    mutating func actors(
        channel: Channel, grid g: Int, categoryIndex: Int, tracking: TrackingCode
    ) -> DemoCaseLifecycle.Actors {
        let c = context
        let grid = c.atlas.grids[g]
        let county = random.chance(0.25)
        let centre = county ? c.departments.county[grid.county] : c.departments.township[grid.township]
        let other = county ? c.departments.township[grid.township] : c.departments.county[grid.county]
        let codes = c.leads[categoryIndex]
        // A centre without the fitting department passes the case to the other level's.
        var atCounty = county
        var lead = codes.lazy.compactMap { centre[$0] }.first
        if lead == nil, let elsewhere = codes.lazy.compactMap({ other[$0] }).first {
            lead = elsewhere
            atCounty.toggle()
        }
        lead = lead ?? centre["politicsLaw"]
        func staff(_ id: Int64?) -> CaseActor? { id.flatMap { c.staffByAccount[$0] }.map { .staff($0) } }
        return DemoCaseLifecycle.Actors(
            reporter: channel == .gridWorker ? staff(c.staff.gridWorker[g]) ?? .requester(tracking) : .requester(tracking),
            intakeOperator: staff(atCounty ? c.staff.countyOperator[grid.county] : c.staff.townshipOperator[grid.township]),
            dispatcher: staff(atCounty ? c.staff.countyDispatcher[grid.county] : c.staff.townshipDispatcher[grid.township]),
            tier: atCounty ? .county : .township, departmentId: lead?.id ?? 0,
            handler: staff(lead.flatMap { c.staff.handler[$0.id] }), gridWorker: staff(c.staff.gridWorker[g]),
            summonable: (atCounty ? c.departments.county[grid.county] : c.departments.township[grid.township]).values
                .map(\.id).filter { $0 != lead?.id }.sorted())
    }
}
