import FengqiaoDomain

extension DemoCaseStream {
    /// `case_daily_counts` inserts for everything generated so far, in a stable order.
    func counterStatements() throws -> (statements: [String], rows: Int) {
        let days = context.calendar.days
        let villages = context.atlas.villages
        var buffer = DemoSQLBuffer(
            table: "case_daily_counts", columns: ["day", "area_code", "kind", "channel", "state", "count"])
        let sorted = counts.sorted { a, b in
            (a.key.day, a.key.village, a.key.kind, a.key.channel, a.key.state)
                < (b.key.day, b.key.village, b.key.kind, b.key.channel, b.key.state)
        }
        for (key, count) in sorted {
            buffer.beginRow()
            buffer.add(days[Int(key.day)].text)
            buffer.add(villages[Int(key.village)].code)
            buffer.add(CaseKind.allCases[Int(key.kind)].rawValue)
            buffer.add(Channel.allCases[Int(key.channel)].rawValue)
            buffer.add(CaseState.allCases[Int(key.state)].rawValue)
            buffer.add(count)
            buffer.endRow()
        }
        return (try buffer.finish(), buffer.rowCount)
    }
}
