import FengqiaoDomain
import FengqiaoStore
import Foundation

extension CaseEngine {
    /// The staff case page of case `caseNumber`: its view, and exactly the commands the workflow allows
    /// `caller` now (asked of `CaseWorkflow.offered`, so the page never repeats the rules). 404 outside
    /// the jurisdiction, as for the view.
    public func page(caseNumber: String, caller: Caller) async throws -> CasePage {
        let staff = caller.staff
        try staff.require(.viewCases)
        let now = platform.clock.now()
        let policy = try await platform.casePolicy()
        let atlas = try await platform.areaAtlas()
        let read = try await platform.database.read { db in
            let loaded = try await Self.load(caseNumber, staff: staff, in: db)
            let view = try await Self.view(loaded.record, caseId: loaded.id, events: loaded.events, legacy: loaded.legacy,
                                           now: now, in: db)
            let petitionID = try await PetitionRepository(db).petitionID(caseId: loaded.id)
            let path = atlas.path(to: loaded.record.gridCode ?? loaded.record.areaCode)
            var departments: [CasePage.Department] = []
            for node in (path?.nodes ?? []).reversed() {
                for record in try await CenterRepository(db).departments(areaCode: node.code) {
                    if let id = record.id { departments.append(CasePage.Department(id: id, name: record.name)) }
                }
            }
            // Who did each step, by name and role (the events keep the account id and username).
            var names: [Int64: String] = [:]
            for id in Set(loaded.events.compactMap(\.actor.accountID)) {
                if let account = try await AccountRepository(db).find(id: id) {
                    names[id] = account.displayName + "(" + (Role(rawValue: account.role)?.chineseName ?? account.role) + ")"
                }
            }
            return (loaded, view, petitionID, departments, names)
        }
        let (loaded, view, petitionID, departments, names) = read
        let offered = loaded.snapshot.map {
            Self.offeredCommands($0, staff: staff, isPetition: petitionID != nil, now: now, policy: policy)
        } ?? []
        let mediations = try await MediationCases(platform: platform).mediations(ofCase: caseNumber, caller: caller)
        let duplicates = loaded.snapshot.map { $0.state == .reported || $0.state == .accepted } == true
            ? try await CaseDuplicates(platform: platform).suggestions(forCase: caseNumber, caller: caller) : []
        let record = loaded.record
        let grid = record.gridCode.flatMap { atlas.node($0) }
        let channel = Channel(rawValue: record.channel)
        return CasePage(
            view: view, offered: offered,
            actors: loaded.legacy == nil
                ? loaded.events.map { Self.actorName($0.actor, names: names, channel: Channel(rawValue: loaded.record.channel)) }
                : view.timeline.map(\.actor),
            notes: loaded.legacy == nil ? loaded.events.map { CaseEventLabel.staffNote($0.payload) } : view.timeline.map { _ in nil },
            channel: record.channel, channelName: channel?.chineseName ?? record.channel,
            reportedAt: Date(millisecondsSince1970: record.reportedAt),
            acceptedAt: loaded.events.last(where: { if case .accepted = $0.payload { true } else { false } })?.at,
            address: record.address,
            coordinate: record.lat.flatMap { lat in record.lon.map { Coordinate(latitude: lat, longitude: $0) } },
            gridName: grid?.name, gridPolygons: grid?.polygons ?? [], areaName: atlas.node(record.areaCode)?.name,
            departments: departments,
            mediations: mediations.map { CasePage.Linked(number: $0.number, stateName: $0.stateName) },
            petitionID: petitionID, duplicates: duplicates.filter { $0.number != caseNumber },
            attemptLimit: policy.attemptLimit(at: loaded.snapshot?.tier ?? .grid),
            attemptsAtTier: loaded.snapshot?.attemptsAtTier ?? 0,
            mayReveal: staff.may(.revealIdentifiers))
    }

    /// 张三(调度员), 群众(来访), 系统(自动归档).
    static func actorName(_ actor: CaseEventActor, names: [Int64: String], channel: Channel?) -> String {
        switch actor.kind {
        case .staff: actor.accountID.flatMap { names[$0] } ?? actor.name ?? "工作人员"
        case .requester: "群众" + (channel.map { "(\($0.chineseName))" } ?? "")
        case .system: "系统" + (actor.name.map { "(\($0))" } ?? "")
        }
    }
}
