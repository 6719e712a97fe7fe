import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit
import Synchronization

/// Petitions for the demo (`fengqiao demo`, `serve --demo`), filed in the demo county (九原区) through the
/// petition desk and the case engine themselves, each step at its own time on a clock of the demo's, in
/// the order the steps happened: every form and state, collective visits, repeat petitions, an extension,
/// reviews, and petitions past their statutory deadlines. Loaded after `DemoGenerator`, in its own
/// transactions (the engine's tracking codes and seals are random, so these rows stay out of the
/// generator's deterministic fixture).
public struct DemoPetitions: Sendable {
    public let seed: UInt64
    /// The reference time: the petitions came in during the half year before it.
    public let now: Date

    public init(seed: UInt64, now: Date) {
        self.seed = seed
        self.now = now
    }

    /// 九原区, the county whose accounts the demo logins are.
    static let countyCode = "150207000000"

    /// Files the demo petitions; returns how many (none when the demo county's petition office is missing).
    @discardableResult
    public func load(into platform: Platform) async throws -> Int {
        let clock = DemoClock(now)
        let demo = Platform(database: platform.database, cipher: platform.cipher, clock: clock, logger: platform.logger,
                            uploads: platform.uploads, printer: platform.printer)
        guard let people = try await DemoPetitionStaff.find(in: demo.database, county: Self.countyCode) else { return 0 }
        let grids = try await PetitionReception(platform: demo).form(caller: people.officer).grids.map(\.code)
        guard !grids.isEmpty else { return 0 }
        let reception = PetitionReception(platform: demo)
        let engine = CaseEngine(platform: demo)
        let day: TimeInterval = 86_400
        // Every step of every scenario, in the order they happened.
        var steps: [(at: Date, scenario: Int, step: DemoPetitionScenario.Step?)] = []
        for (index, scenario) in DemoPetitionScenario.all.enumerated() {
            let received = now.addingTimeInterval(-scenario.receivedDaysAgo * day)
            steps.append((received, index, nil))
            for (after, step) in scenario.steps { steps.append((received.addingTimeInterval(after * day), index, step)) }
        }
        steps.sort { ($0.at, $0.scenario) < ($1.at, $1.scenario) }
        var petitions: [Int: PetitionView] = [:]
        for (at, index, step) in steps {
            clock.set(at)
            let scenario = DemoPetitionScenario.all[index]
            guard let step else {
                let grid = grids[(Int(seed % 97) + index * 7) % grids.count]
                petitions[index] = try await reception.register(submission(scenario, grid: grid), caller: people.officer)
                continue
            }
            guard let petition = petitions[index] else { continue }
            switch step {
            case .decide(let decision):
                _ = try await reception.decide(id: petition.id, PetitionDecisionSubmission(
                    decision: decision.rawValue, reason: reason(for: decision)), caller: people.officer)
            case .dispatch, .handle:
                var dispatch = CaseCommandBody()
                dispatch.lead = people.department
                _ = try await engine.perform(CaseCommandRequest(name: .dispatch, body: dispatch), caseNumber: petition.caseNumber,
                                             caller: people.dispatcher)
                _ = try await engine.perform(CaseCommandRequest(name: .signFor), caseNumber: petition.caseNumber,
                                             caller: people.handler)
                guard case .handle = step else { break }
                var feedback = CaseCommandBody()
                feedback.result = "经调查核实,已督促责任单位整改到位"
                feedback.evidence = ["整改情况说明"]
                _ = try await engine.perform(CaseCommandRequest(name: .feedback, body: feedback),
                                             caseNumber: petition.caseNumber, caller: people.handler)
                var verify = CaseCommandBody()
                verify.pass = true
                _ = try await engine.perform(CaseCommandRequest(name: .verify, body: verify), caseNumber: petition.caseNumber,
                                             caller: people.dispatcher)
            case .requestExtension(let days):
                _ = try await reception.requestExtension(id: petition.id, PetitionExtensionSubmission(
                    days: String(days), reason: "涉及多个部门,需实地调查和会商"), caller: people.officer)
            case .approveExtension:
                _ = try await reception.decideExtension(id: petition.id, approve: true, reason: nil, caller: people.leader)
            case .reply:
                _ = try await reception.reply(id: petition.id, PetitionReplySubmission(
                    reply: "经调查核实,您反映的问题已由责任单位整改,现予书面答复。"), caller: people.officer)
            case .requestReview:
                _ = try await reception.requestReview(id: petition.id, PetitionReviewSubmission(
                    request: "对答复意见不服,请求上一级机关复查"), caller: people.officer)
            case .reviewOpinion(let result):
                _ = try await reception.decideReview(id: petition.id, PetitionReviewSubmission(
                    result: result.rawValue, opinion: "经复查,原处理意见认定事实清楚,予以维持"), caller: people.officer)
            case .requestReReview:
                _ = try await reception.requestReReview(id: petition.id, PetitionReviewSubmission(
                    request: "对复查意见仍不服,请求复核"), caller: people.officer)
            case .reReviewOpinion(let result):
                _ = try await reception.decideReReview(id: petition.id, PetitionReviewSubmission(
                    result: result.rawValue, opinion: "经复核,维持复查意见,本信访事项办理终结"), caller: people.officer)
            }
        }
        return petitions.count
    }

    private func submission(_ s: DemoPetitionScenario, grid: String) -> PetitionSubmission {
        PetitionSubmission(
            form: s.form.rawValue, persons: String(s.persons),
            petitioners: s.petitioners.map { name, person in
                let birth = String(format: "19%02d%02d%02d", 50 + person * 3 % 40, 1 + person % 12, 1 + person * 7 % 28)
                return .init(name: name,
                             idNumber: ResidentIdentityNumber(division: "150207", birthDate: birth, sequence: 100 + person)?.rawValue,
                             phone: String(format: "1390472%04d", person * 37 % 10_000))
            },
            description: s.description, category: s.category, gridCode: grid, respondentOrgan: s.organ)
    }

    private func reason(for decision: PetitionDecision) -> String {
        switch decision {
        case .accept: "属于本机关法定职权范围,依法受理"
        case .decline: "该事项属于供热合同纠纷,应通过民事诉讼途径解决,不属于信访受理范围"
        case .refuseRepeat: "同一信访人就同一事项已提出信访,正在依法办理中"
        }
    }
}

/// The demo's clock for petitions: set to the time of each step.
final class DemoClock: WallClock {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }

    func set(_ date: Date) { current.withLock { $0 = date } }
}
