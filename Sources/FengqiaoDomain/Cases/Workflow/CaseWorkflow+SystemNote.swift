import Foundation

extension CaseWorkflow {
    /// A progress note the platform adds by itself (`job` names what, e.g. a repeated camera alert folded
    /// into the case). Not a staff command, so no permission or tier applies, and it moves nothing; only a
    /// case still being worked on takes one. The note is internal (not shown to the requester).
    public static func systemNote(_ snapshot: CaseSnapshot, note: String, job: String, at now: Date)
        throws(DomainError) -> [CaseEvent]
    {
        guard snapshot.state.isOpen else {
            throw .conflict(code: "case_finished", message: "案件\(snapshot.state.chineseName),不能再添加进展")
        }
        var input = WorkflowInput()
        let text = input.text(note, "note", "办理进展", max: 2000)
        try input.check()
        return [CaseEvent(.progressAdded(note: text, isPublic: false), actor: CaseEventActor(.system(job: job)), at: now)]
    }
}
