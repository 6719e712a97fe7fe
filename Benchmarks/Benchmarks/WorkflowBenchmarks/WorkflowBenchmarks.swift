import Benchmark
import FengqiaoDomain
import Foundation

/// The case workflow as a pure function: one full closed loop (accept → dispatch → sign for → feedback →
/// verify → close → revisit, seven decisions and their events applied), and replaying the history it leaves.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 10_000
    )

    let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    func staff(_ role: Role, _ area: String, department: Int64? = nil, id: Int64) -> CaseActor {
        // Constant, valid codes: the initialiser fails only for malformed ones.
        .staff(Staff(accountID: id, username: "\(role.rawValue)\(id)", displayName: role.chineseName, role: role,
                     jurisdiction: Jurisdiction(root: AreaCode(area) ?? AreaCode("150207000000")!), departmentID: department))
    }
    let dispatcher = staff(.dispatcher, "150207001000", id: 1)
    let handler = staff(.departmentHandler, "150207000000", department: 11, id: 2)
    let gridWorker = staff(.gridWorker, "150207001001001", id: 3)
    let operatorActor = staff(.intakeOperator, "150207001000", id: 4)
    let reported = CaseEvent.reported(
        kind: .dispute, channel: .qrCode, areaCode: AreaCode("150207001001")!, gridCode: AreaCode("150207001001001"),
        trackingCode: TrackingCode("K7QM3WXP9RTD"), by: .system(job: "bench"), at: t0)
    let steps: [(CaseCommand, CaseActor)] = [
        (.accept(CaseAcceptance(kind: .dispute, category: "邻里纠纷", urgency: .normal, tier: .grid)), dispatcher),
        (.dispatch(DispatchOrder(lead: 11, assisting: [], deadline: t0.addingTimeInterval(72 * 3600),
                                 returnWindowEnds: t0.addingTimeInterval(2 * 3600))), dispatcher),
        (.signFor, handler),
        (.feedback(result: "已协调双方达成一致", evidence: ["photo-1"], waivedAssisting: []), handler),
        (.verify(pass: true, reason: nil), gridWorker),
        (.close(reply: "经协调已解决,感谢您的反映", channel: .phone), operatorActor),
        (.revisit(satisfaction: .satisfied, channel: .phone), operatorActor),
    ]
    func loop() -> [CaseEvent] {
        guard var snapshot = CaseSnapshot(reported: reported) else { return [] }
        var history = [reported]
        for (n, (command, actor)) in steps.enumerated() {
            guard case .success(let events) = CaseWorkflow.decide(
                snapshot, command, by: actor, at: t0.addingTimeInterval(Double(n + 1) * 600))
            else { return history }
            snapshot = snapshot.applying(events)
            history += events
        }
        return history
    }
    let history = loop()
    precondition(CaseSnapshot.replay(history)?.state == .archived, "the benchmark loop must reach archived")

    Benchmark("CaseWorkflow: full loop, 7 decisions applied") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(loop())
        }
    }

    Benchmark("CaseSnapshot.replay of a closed loop (\(history.count) events)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CaseSnapshot.replay(history))
        }
    }
}
