import FengqiaoServices
import Foundation

/// The dashboard's charts as inline SVG drawn on the server (presentation attributes only, no script, no
/// `style=`): every bar and point links to the cases it counts (`data-n` carries the number).
enum DashboardCharts {
    /// Colours of the two series: received (blue) and closed (green).
    struct Palette {
        var total = "#3b82f6"
        var closed = "#22c55e"
        var grid = "#cbd5e1"
        var text = "#475569"
    }

    static func href(_ cell: CommandBoard.Cell) -> String { DashboardPage.href(cell) }

    static func link(_ cell: CommandBoard.Cell, title: String, _ body: String) -> String {
        "<a href=\"\(AreaMap.escaped(href(cell)))\" data-n=\"\(cell.count)\"><title>\(AreaMap.escaped(title))：\(cell.count)件</title>"
            + body + "</a>"
    }

    /// Lines of received and closed per day, with a dot per point.
    static func trend(_ points: [CommandBoard.Point], width: Double = 720, height: Double = 220, palette: Palette = Palette())
        -> String
    {
        let left = 36.0, right = 12.0, top = 14.0, bottom = 26.0
        let top0 = max(1, points.map(\.total.count).max() ?? 1)
        let ceiling = Double(niceCeiling(top0))
        let stepX = points.count > 1 ? (width - left - right) / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * stepX }
        func y(_ n: Int) -> Double { top + (height - top - bottom) * (1 - Double(n) / ceiling) }
        var svg = open(width, height, "近30日受理与办结趋势")
        svg += axes(width: width, height: height, left: left, right: right, top: top, bottom: bottom, ceiling: ceiling,
                    palette: palette)
        for (series, colour) in [(\CommandBoard.Point.total, palette.total), (\CommandBoard.Point.closed, palette.closed)] {
            let path = points.enumerated().map { i, p in "\(d(x(i))),\(d(y(p[keyPath: series].count)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>"
        }
        for (i, p) in points.enumerated() {
            svg += link(p.total, title: p.label + " 受理",
                        "<circle cx=\"\(d(x(i)))\" cy=\"\(d(y(p.total.count)))\" r=\"3.5\" fill=\"\(palette.total)\"/>")
            svg += link(p.closed, title: p.label + " 办结",
                        "<circle cx=\"\(d(x(i)))\" cy=\"\(d(y(p.closed.count)))\" r=\"3\" fill=\"\(palette.closed)\"/>")
            if i % 5 == 4 || i == points.count - 1 {
                svg += "<text x=\"\(d(x(i)))\" y=\"\(d(height - 8))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(palette.text)\">\(AreaMap.escaped(p.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Pairs of bars (received, closed) per month, the number above each.
    static func months(_ points: [CommandBoard.Point], width: Double = 720, height: Double = 220, palette: Palette = Palette())
        -> String
    {
        let left = 36.0, right = 8.0, top = 18.0, bottom = 26.0
        let ceiling = Double(niceCeiling(max(1, points.map(\.total.count).max() ?? 1)))
        let slot = (width - left - right) / Double(max(1, points.count))
        let bar = slot * 0.36
        func y(_ n: Int) -> Double { top + (height - top - bottom) * (1 - Double(n) / ceiling) }
        var svg = open(width, height, "近12个月受理与办结")
        svg += axes(width: width, height: height, left: left, right: right, top: top, bottom: bottom, ceiling: ceiling,
                    palette: palette)
        for (i, p) in points.enumerated() {
            let x0 = left + Double(i) * slot + slot * 0.12
            for (j, (cell, colour, name)) in [(p.total, palette.total, "受理"), (p.closed, palette.closed, "办结")].enumerated() {
                let x = x0 + Double(j) * bar
                let top = y(cell.count)
                let rect = "<rect x=\"\(d(x))\" y=\"\(d(top))\" width=\"\(d(bar - 2))\" height=\"\(d(max(0, height - bottom - top)))\" fill=\"\(colour)\" rx=\"2\"/>"
                    + "<text x=\"\(d(x + bar / 2 - 1))\" y=\"\(d(top - 3))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(palette.text)\">\(cell.count)</text>"
                svg += link(cell, title: p.label + " " + name, rect)
            }
            svg += "<text x=\"\(d(x0 + bar))\" y=\"\(d(height - 8))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(palette.text)\">\(AreaMap.escaped(String(p.label.suffix(5))))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars of a breakdown (channels, kinds), largest first, zeros left out.
    static func bars(_ parts: [CommandBoard.Part], caption: String, width: Double = 460, colour: String = "#3b82f6",
                     palette: Palette = Palette()) -> String
    {
        let rows = parts.filter { $0.cell.count > 0 }.sorted { $0.cell.count > $1.cell.count }
        guard !rows.isEmpty else {
            return open(width, 40, caption) + "<text x=\"8\" y=\"24\" font-size=\"13\" fill=\"\(palette.text)\">暂无数据</text></svg>"
        }
        let rowHeight = 24.0, label = 110.0, number = 48.0
        let height = Double(rows.count) * rowHeight + 4
        let most = Double(rows.first?.cell.count ?? 1)
        var svg = open(width, height, caption)
        for (i, part) in rows.enumerated() {
            let y = Double(i) * rowHeight + 4
            let w = max(2, (width - label - number) * Double(part.cell.count) / most)
            svg += "<text x=\"\(d(label - 6))\" y=\"\(d(y + 15))\" text-anchor=\"end\" font-size=\"13\" fill=\"\(palette.text)\">\(AreaMap.escaped(part.name))</text>"
            svg += link(part.cell, title: part.name,
                        "<rect x=\"\(d(label))\" y=\"\(d(y + 3))\" width=\"\(d(w))\" height=\"\(d(rowHeight - 8))\" fill=\"\(colour)\" rx=\"3\"/>"
                        + "<text x=\"\(d(label + w + 6))\" y=\"\(d(y + 15))\" font-size=\"13\" fill=\"\(palette.text)\">\(part.cell.count)</text>")
        }
        return svg + "</svg>"
    }

    static func open(_ width: Double, _ height: Double, _ label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(d(width)) \(d(height))\" width=\"\(d(width))\""
            + " height=\"\(d(height))\" role=\"img\" aria-label=\"\(AreaMap.escaped(label))\" font-family=\"sans-serif\">"
    }

    static func axes(width: Double, height: Double, left: Double, right: Double, top: Double, bottom: Double, ceiling: Double,
                     palette: Palette) -> String
    {
        var svg = ""
        for k in 0...4 {
            let value = ceiling * Double(k) / 4
            let y = top + (height - top - bottom) * (1 - Double(k) / 4)
            svg += "<line x1=\"\(d(left))\" x2=\"\(d(width - right))\" y1=\"\(d(y))\" y2=\"\(d(y))\" stroke=\"\(palette.grid)\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(d(left - 4))\" y=\"\(d(y + 4))\" text-anchor=\"end\" font-size=\"10\" fill=\"\(palette.text)\">\(Int(value))</text>"
        }
        return svg
    }

    /// The smallest of 4, 8, 20, 40, … (a multiple of 4 with a round step) at or above `n`.
    static func niceCeiling(_ n: Int) -> Int {
        var step = 1
        while step * 4 < n {
            step = step < 5 ? step + 1 : (step < 10 ? 10 : step * 2)
        }
        return step * 4
    }

    static func d(_ value: Double) -> String { AreaMap.decimal(value) }
}
