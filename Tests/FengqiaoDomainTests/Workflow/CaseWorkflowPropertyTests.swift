import FengqiaoDomain
import Foundation
import PropertyBased
import Testing

/// Random command sequences from random actors (x-sheep/swift-property-based, on Swift Testing). Each
/// generated integer is one step: `WorkflowWalker` turns it into a command, an actor and a time.
@Suite struct CaseWorkflowPropertyTests {
    typealias F = WorkflowFixture

    static let steps = Gen.int(in: 0...1_000_000).array(of: 1...120)
    static let limits = Gen.int(in: 1...4)
    static let reopens = Gen.int(in: 0...3)

    @Test func invariantsHoldOverRandomCommandSequences() async {
        await propertyCheck(count: 300, input: Self.steps, Self.limits, Self.reopens) { steps, limit, reopens in
            let policy = CasePolicy(defaultAttemptLimit: limit, attemptLimits: [.township: limit + 1], reopenLimit: reopens)
            var events = [F.reportedEvent(grid: steps.first.map { $0 % 7 == 0 } == true ? nil : F.grid)]
            guard var snapshot = CaseSnapshot.replay(events) else {
                Issue.record("no snapshot")
                return
            }
            var now = F.hours(0)
            for seed in steps {
                now = now.addingTimeInterval(Double(seed % 5) * 1800)
                let (command, actor) = WorkflowWalker.step(seed, snapshot, now: now)
                let before = snapshot
                switch CaseWorkflow.decide(snapshot, command, by: actor, at: now, policy: policy) {
                case .failure(let error):
                    // Refused: nothing to append, and asking again gives the same answer.
                    #expect(CaseWorkflow.decide(snapshot, command, by: actor, at: now, policy: policy) == .failure(error))
                    #expect(!error.message.isEmpty)
                case .success(let new):
                    #expect(!new.isEmpty, "an accepted command appends at least one event")
                    #expect(new.allSatisfy { $0.at == now })
                    #expect(before.state != .archived, "nothing leaves archived: \(command.name) accepted")
                    #expect(![.rejected, .withdrawn].contains(before.state), "terminal \(before.state) accepted \(command.name)")
                    #expect(CaseTransitionTable.allows(command.name, in: before.state))
                    events += new
                    snapshot = snapshot.applying(new)
                }
                #expect(snapshot.version == events.count)
                #expect(snapshot.tier >= before.tier, "tier went down with \(command.name)")
                if snapshot.state == .closed || snapshot.state == .archived {
                    #expect(snapshot.reply != nil, "\(snapshot.state) without a reply")
                }
                for tier in MediationTier.allCases {
                    #expect((snapshot.attempts[tier] ?? 0) <= policy.attemptLimit(at: tier))
                }
                #expect(snapshot.reopenCount <= policy.reopenLimit)
                // Resolved on the ladder exactly while closed or archived, at a tier it has since kept.
                #expect((snapshot.resolution != nil) == [.closed, .archived].contains(snapshot.state),
                        "\(snapshot.state) with resolution \(String(describing: snapshot.resolution))")
                if let resolution = snapshot.resolution {
                    #expect(resolution.tier == snapshot.tier)
                    #expect(resolution.at <= now)
                }
                if before.state == .archived { #expect(snapshot == before) }
            }
            #expect(CaseSnapshot.replay(events) == snapshot, "replay differs from step-by-step application")
            let stored = try JSONEncoder().encode(events)
            let loaded = try JSONDecoder().decode([CaseEvent].self, from: stored)
            #expect(CaseSnapshot.replay(loaded) == snapshot, "replay of stored events differs")
        }
    }

    /// The walker reaches the far states and the rare turns often enough for the invariants above to
    /// mean something.
    @Test func randomWalksReachEveryStateAndTurn() {
        var reached = Set<CaseState>()
        var types = Set<String>()
        var closedRuns = 0
        var reopenedBeyondOnce = 0
        for run in 0..<300 {
            guard var snapshot = CaseSnapshot(reported: F.reportedEvent()) else { return }
            var now = F.hours(0)
            var random = WorkflowRandom(seed: run)
            var closed = false
            for _ in 0..<150 {
                let seed = Int(random.next() % 1_000_000)
                now = now.addingTimeInterval(Double(seed % 5) * 1800)
                let (command, actor) = WorkflowWalker.step(seed, snapshot, now: now)
                if case .success(let events) = CaseWorkflow.decide(snapshot, command, by: actor, at: now) {
                    snapshot = snapshot.applying(events)
                    types.formUnion(events.map(\.type))
                }
                reached.insert(snapshot.state)
                closed = closed || snapshot.state == .closed
            }
            if closed { closedRuns += 1 }
            if snapshot.reopenCount >= 2 { reopenedBeyondOnce += 1 }
        }
        #expect(reached == Set(CaseState.allCases), "never reached: \(Set(CaseState.allCases).subtracting(reached))")
        let decided = Set(CaseEvent.Payload.allTypes).subtracting(["reported"])
        #expect(types == decided, "never produced: \(decided.subtracting(types))")
        #expect(closedRuns >= 50, "only \(closedRuns) of 300 walks reached closed")
        #expect(reopenedBeyondOnce >= 5, "only \(reopenedBeyondOnce) walks reopened twice")
    }
}
