import Foundation

extension CaseSnapshot {
    /// Folds one event into the snapshot (evolve). Total: it never fails, so that any stored history
    /// replays; the decisions that make sense of events live in `CaseWorkflow`.
    public mutating func apply(_ event: CaseEvent) {
        version += 1
        updatedAt = event.at
        switch event.payload {
        case .reported:
            let version = self.version
            if let fresh = CaseSnapshot(reported: event) { self = fresh }
            self.version = version
        case .accepted(let acceptance):
            state = .accepted
            kind = acceptance.kind
            category = acceptance.category
            urgency = acceptance.urgency
            tier = max(tier, acceptance.tier)
            slaPreset = acceptance.slaPreset
        case .rejected:
            state = .rejected
        case .merged(let into, let previousState):
            stateBeforeMerge = previousState
            mergedInto = into
            state = .merged
        case .split(let restoredState):
            state = restoredState
            mergedInto = nil
            stateBeforeMerge = nil
        case .resolvedOnSite(let result, _):
            state = .handled
            self.result = result
            parts = []
            deadline = nil
            returnWindowEnds = nil
            returned = false
        case .dispatched(let order), .reassigned(let order):
            state = .dispatched
            parts = order.parts
            deadline = order.deadline
            returnWindowEnds = order.returnWindowEnds
            returned = false
            returnUpheld = false
        case .signedFor(let department, let role):
            setPart(department) {
                $0.status = .signed
                $0.signedAt = event.at
            }
            if role == .lead { state = .inProgress }
        case .returned:
            state = .accepted
            returned = true
            returnCount += 1
        case .returnUpheld:
            state = .dispatched
            returned = false
            returnUpheld = true
            setLead { $0.status = .dispatched }
        case .escalated(_, let to, _, _):
            tier = max(tier, to)
        case .attemptRecorded(let tier, _, _, _):
            attempts[tier, default: 0] += 1
        case .whistled(let number, let departments, let checkInDue):
            whistles.append(
                Whistle(number: number, departments: departments, checkInDue: checkInDue, blownAt: event.at))
        case .checkedIn(let number, let department, let late):
            if let index = whistles.firstIndex(where: { $0.number == number }) {
                whistles[index].checkIns[department] = WhistleCheckIn(at: event.at, late: late)
            }
        case .extensionRequested(let until, let reason):
            pendingExtension = PendingExtension(until: until, reason: reason, requestedAt: event.at)
        case .extensionApproved(let until):
            deadline = until
            pendingExtension = nil
        case .extensionDenied:
            pendingExtension = nil
        case .progressAdded:
            break
        case .partCompleted(let department, _):
            setPart(department) { $0.status = .done }
        case .feedbackGiven(let result, _, let waived):
            state = .handled
            self.result = result
            pendingExtension = nil
            setLead { $0.status = .done }
            for department in waived { setPart(department) { $0.status = .waived } }
        case .verified:
            state = .verified
        case .verificationFailed:
            reopenToLead()
        case .closed(let reply, let channel):
            state = .closed
            self.reply = reply
            replyChannel = channel
            resolution = LadderResolution(tier: tier, at: event.at)
        case .revisited(let satisfaction, _, let reopened):
            self.satisfaction = satisfaction
            if reopened {
                reopenCount += 1
                resolution = nil
                reopenToLead()
            } else {
                state = .archived
            }
        case .supervised(let number, let kind, let note, let responseDue):
            supervisions.append(
                Supervision(number: number, kind: kind, note: note, responseDue: responseDue, issuedAt: event.at))
        case .supervisionAnswered(let number, let response):
            if let index = supervisions.firstIndex(where: { $0.number == number }) {
                supervisions[index].response = response
                supervisions[index].respondedAt = event.at
            }
        case .withdrawn:
            state = .withdrawn
            pendingExtension = nil
        case .archived:
            state = .archived
        }
    }

    /// Back to the lead department (or the grid's handler when none): verification failed, or reopened.
    private mutating func reopenToLead() {
        state = .inProgress
        setLead { $0.status = .signed }
    }

    private mutating func setLead(_ change: (inout DepartmentPart) -> Void) {
        if let index = parts.firstIndex(where: { $0.role == .lead }) { change(&parts[index]) }
    }

    private mutating func setPart(_ department: Int64, _ change: (inout DepartmentPart) -> Void) {
        if let index = parts.firstIndex(where: { $0.department == department }) { change(&parts[index]) }
    }
}
