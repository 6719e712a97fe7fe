/// The first values of a row, written as SQL literals before the rest of the row is known (a case's
/// clock columns are computed in a later stage); `DemoSQLBuffer.add(_:)` takes them as they are.
struct DemoSQLRow: Sendable {
    private(set) var text = ""
    private(set) var count = 0
    /// The first value that could not be written (see `DemoSQLBuffer`).
    private(set) var problem: String?

    mutating func add(_ value: Int64) {
        separate()
        text += String(value)
    }

    mutating func add(_ value: Int) { add(Int64(value)) }

    mutating func add(_ value: Double) {
        separate()
        if let refused = DemoSQLBuffer.append(value, to: &text) { problem = problem ?? refused }
    }

    mutating func add(_ value: String) {
        separate()
        if let refused = DemoSQLBuffer.append(value, to: &text) { problem = problem ?? refused }
    }

    mutating func add(_ value: String?) { if let value { add(value) } else { addNull() } }
    mutating func add(_ value: Int64?) { if let value { add(value) } else { addNull() } }
    mutating func add(_ value: Double?) { if let value { add(value) } else { addNull() } }

    mutating func addNull() {
        separate()
        text += "NULL"
    }

    private mutating func separate() {
        if count > 0 { text += "," }
        count += 1
    }
}
