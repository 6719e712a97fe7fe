import FengqiaoServices

/// Runs one kind of job. Handlers must be safe to run again: a job whose worker died mid-way is
/// claimed again once its lease runs out.
public protocol JobHandler: Sendable {
    /// The `jobs.kind` this handler takes.
    var kind: String { get }
    func run(payload: String, platform: Platform) async throws
}
