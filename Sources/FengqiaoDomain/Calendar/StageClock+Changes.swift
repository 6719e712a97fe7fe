import Foundation

extension StageClock {
    /// Starts a pause at `date`.
    /// - Throws: `conflict(clock_stopped)` once the clock stopped, `conflict(clock_already_paused)`
    ///   while a pause is open.
    public mutating func pause(at date: Date, reason: ClockPause.Reason) throws(DomainError) {
        guard stoppedAt == nil else { throw Self.stopped }
        guard openPause == nil else {
            throw .conflict(code: "clock_already_paused", message: "\(kind.chineseName)计时已处于暂停状态")
        }
        pauses.append(ClockPause(reason: reason, start: date))
    }

    /// Ends the open pause at `date` (at its start, if `date` is earlier: a pause never runs backwards).
    /// - Throws: `conflict(clock_not_paused)` when no pause is open.
    public mutating func resume(at date: Date) throws(DomainError) {
        guard let index = pauses.lastIndex(where: { $0.end == nil }) else {
            throw .conflict(code: "clock_not_paused", message: "\(kind.chineseName)计时未处于暂停状态")
        }
        pauses[index].end = max(date, pauses[index].start)
    }

    /// Stops the clock at `date`, ending an open pause there.
    /// - Throws: `conflict(clock_stopped)` when it already stopped.
    public mutating func stop(at date: Date) throws(DomainError) {
        guard stoppedAt == nil else { throw Self.stopped }
        if let index = pauses.lastIndex(where: { $0.end == nil }) { pauses[index].end = max(date, pauses[index].start) }
        stoppedAt = date
    }

    /// Adds an approved extension (延期) to the limit.
    /// - Parameter maximum: the most that all extensions together may add (信访: 30 days), or nil
    ///   when the preset sets no ceiling and the approver decides.
    /// - Throws: `validation` when the amount is out of range, its unit differs from the limit's, or the
    ///   extensions together would exceed `maximum`; `conflict(clock_stopped)` once the clock stopped.
    public mutating func grantExtension(_ extra: ClockLimit, maximum: ClockLimit?) throws(DomainError) {
        guard stoppedAt == nil else { throw Self.stopped }
        var errors = extra.validate(field: "extension")
        if errors.isEmpty, !extra.hasSameUnit(as: limit) {
            errors.append(
                FieldError(field: "extension", code: "unit_mismatch", message: "延期时限的单位须与原时限(\(limit))一致"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        let total = extensionGranted.flatMap { extra.adding($0) } ?? extra
        if let maximum, !maximum.hasSameUnit(as: total) || total.amount > maximum.amount {
            throw .validation([
                FieldError(field: "extension", code: "exceeds_maximum", message: "延期合计不能超过\(maximum)")
            ])
        }
        extensionGranted = total
    }

    private static var stopped: DomainError { .conflict(code: "clock_stopped", message: "该计时已停止") }
}
