import FengqiaoDomain
import Foundation
import Testing

/// `CaseWorkflow.offered`, the case page's actions, against the workflow itself along random walks: every
/// command some actor could issue is offered to them, and nothing offered is refused for the state or the role.
@Suite struct CaseWorkflowOffersTests {
    typealias F = WorkflowFixture

    /// Commands whose sample input names an object (a department, a supervision, a case) the probe picks
    /// differently; their soundness is the input's business.
    static let namesAnObject: Set<CaseCommand.Name> = [.checkIn, .respondToSupervision, .merge]

    @Test func offeredMatchesWhatTheWorkflowAcceptsAlongRandomWalks() {
        let staff = WorkflowWalker.everyone.filter { if case .staff = $0 { true } else { false } }
        var offeredSomething = 0
        for walk in 0..<60 {
            var snapshot = F.reported(grid: walk % 7 == 0 ? nil : F.grid)
            var now = F.hours(0)
            for step in 0..<40 {
                let seed = (walk * 7919 + step * 104_729) % 1_000_000
                for actor in staff {
                    let offered = Set(CaseWorkflow.offered(snapshot, by: actor, at: now))
                    offeredSomething += offered.count
                    #expect(!offered.contains(.archive))
                    for command in WorkflowSamples.commands where command.name != .archive {
                        switch CaseWorkflow.decide(snapshot, command, by: actor, at: now) {
                        case .success:
                            #expect(offered.contains(command.name),
                                    "\(command.name) accepted in \(snapshot.state) but not offered")
                        case .failure(.forbidden), .failure(.notFound):
                            if !Self.namesAnObject.contains(command.name) {
                                #expect(!offered.contains(command.name),
                                        "\(command.name) offered in \(snapshot.state) to an actor it refuses")
                            }
                        case .failure(.conflict(let code, _)) where code == "invalid_transition":
                            #expect(!offered.contains(command.name))
                        case .failure:
                            break
                        }
                    }
                }
                let (command, actor) = WorkflowWalker.step(seed, snapshot, now: now)
                if case .success(let events) = CaseWorkflow.decide(snapshot, command, by: actor, at: now) {
                    snapshot = snapshot.applying(events)
                }
                now = now.addingTimeInterval(Double(seed % 5) * 1800)
            }
        }
        #expect(offeredSomething > 0)
    }

    @Test func aMachineTokenIsOfferedNothing() {
        #expect(CaseWorkflow.offered(F.reported(), by: F.machine, at: F.hours(0)).isEmpty)
    }

    @Test func theDeskOperatorIsOfferedTheIntakeDecisions() {
        #expect(CaseWorkflow.offered(F.reported(), by: F.intakeOperator, at: F.hours(0)) == [.accept, .reject, .merge, .withdraw])
        #expect(CaseWorkflow.offered(F.reported(), by: F.leadHandler, at: F.hours(0)).isEmpty)
    }
}
