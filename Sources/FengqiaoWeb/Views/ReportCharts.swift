import FengqiaoDomain
import Foundation

/// The charts of a printed report (工作报告) as inline SVG drawn on the server, in the dashboard's style
/// (`DashboardCharts`) but without links: a report is a document, its numbers printed beside the bars.
enum ReportCharts {
    static let palette = DashboardCharts.Palette()

    /// Pairs of bars (received, closed) per day or month of the period, with a legend.
    static func trend(_ points: [ReportSnapshot.TrendPoint], width: Double = 640, height: Double = 220) -> String {
        let left = 36.0, right = 8.0, top = 26.0, bottom = 26.0
        let ceiling = Double(DashboardCharts.niceCeiling(max(1, points.map(\.total).max() ?? 1)))
        let slot = (width - left - right) / Double(max(1, points.count))
        let bar = slot * 0.38
        func y(_ n: Int) -> Double { top + (height - top - bottom) * (1 - Double(n) / ceiling) }
        var svg = DashboardCharts.open(width, height, "受理与办结趋势")
        svg += DashboardCharts.axes(width: width, height: height, left: left, right: right, top: top, bottom: bottom,
                                    ceiling: ceiling, palette: palette)
        svg += legend(x: width - 150, y: 12)
        let labelEvery = max(1, Int((Double(points.count) / 12).rounded(.up)))
        for (i, p) in points.enumerated() {
            let x0 = left + Double(i) * slot + slot * 0.12
            for (j, (n, colour)) in [(p.total, palette.total), (p.closed, palette.closed)].enumerated() {
                let x = x0 + Double(j) * bar
                let top = y(n)
                svg += "<rect x=\"\(d(x))\" y=\"\(d(top))\" width=\"\(d(max(1, bar - 1)))\" height=\"\(d(max(0, height - bottom - top)))\" fill=\"\(colour)\"/>"
                if points.count <= 16 && n > 0 {
                    svg += "<text x=\"\(d(x + bar / 2))\" y=\"\(d(top - 3))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(palette.text)\">\(n)</text>"
                }
            }
            if i % labelEvery == 0 {
                svg += "<text x=\"\(d(x0 + bar))\" y=\"\(d(height - 8))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(palette.text)\">\(AreaMap.escaped(p.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    static func legend(x: Double, y: Double) -> String {
        "<rect x=\"\(d(x))\" y=\"\(d(y - 9))\" width=\"10\" height=\"10\" fill=\"\(palette.total)\"/>"
            + "<text x=\"\(d(x + 14))\" y=\"\(d(y))\" font-size=\"11\" fill=\"\(palette.text)\">受理</text>"
            + "<rect x=\"\(d(x + 60))\" y=\"\(d(y - 9))\" width=\"10\" height=\"10\" fill=\"\(palette.closed)\"/>"
            + "<text x=\"\(d(x + 74))\" y=\"\(d(y))\" font-size=\"11\" fill=\"\(palette.text)\">办结</text>"
    }

    /// Horizontal bars of a breakdown, largest first, zeros left out.
    static func bars(_ counts: [ReportSnapshot.Count], caption: String, width: Double = 300, colour: String = "#3b82f6")
        -> String
    {
        let rows = counts.filter { $0.count > 0 }.sorted { $0.count > $1.count }
        guard !rows.isEmpty else {
            return DashboardCharts.open(width, 32, caption)
                + "<text x=\"8\" y=\"20\" font-size=\"12\" fill=\"\(palette.text)\">本期无数据</text></svg>"
        }
        let rowHeight = 22.0, label = 96.0, number = 40.0
        let height = Double(rows.count) * rowHeight + 4
        let most = Double(rows.first?.count ?? 1)
        var svg = DashboardCharts.open(width, height, caption)
        for (i, row) in rows.enumerated() {
            let y = Double(i) * rowHeight + 4
            let w = max(2, (width - label - number) * Double(row.count) / most)
            svg += "<text x=\"\(d(label - 6))\" y=\"\(d(y + 14))\" text-anchor=\"end\" font-size=\"12\" fill=\"\(palette.text)\">\(AreaMap.escaped(String(row.name.prefix(8))))</text>"
            svg += "<rect x=\"\(d(label))\" y=\"\(d(y + 3))\" width=\"\(d(w))\" height=\"\(d(rowHeight - 8))\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(d(label + w + 5))\" y=\"\(d(y + 14))\" font-size=\"12\" fill=\"\(palette.text)\">\(row.count)</text>"
        }
        return svg + "</svg>"
    }

    static func d(_ value: Double) -> String { DashboardCharts.d(value) }
}
