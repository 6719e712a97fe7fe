import FengqiaoDomain
import Foundation

/// The area browser's map: the children of the selected area (a township's villages, a village's grids)
/// as clickable SVG polygons, coloured by a value such as open cases per km².
///
/// The SVG is rendered on the server and uses presentation attributes only (`fill="#…"`, never
/// `style="…"`, never a script), so it prints, works offline and passes a `style-src 'self'` CSP.
struct AreaMap: Sendable {
    /// One child area on the map.
    struct Shape: Sendable, Hashable {
        /// The area code, e.g. the 12-digit division code or a grid code.
        var code: String
        var name: String
        /// The boundary; several polygons for an area in several parts. Shapes without any are skipped.
        var polygons: [GeoPolygon]
        /// Any non-negative number that colours the shape; NaN and infinity count as zero.
        var value: Double
        /// A short text under the name, e.g. `"12件"`.
        var label: String?
        /// Where a click goes, e.g. `"/areas/150207001001"`.
        var link: String

        init(code: String, name: String, polygons: [GeoPolygon], value: Double, label: String? = nil, link: String) {
            self.code = code
            self.name = name
            self.polygons = polygons
            self.value = value
            self.label = label
            self.link = link
        }
    }

    /// The note shown instead of a map when there is nothing to draw.
    static let emptyNote = "暂无边界数据"

    let shapes: [Shape]
    /// The parent's boundary, drawn under the shapes.
    let outline: [GeoPolygon]
    /// Width in pixels; the height follows the shapes' aspect ratio.
    let width: Int
    /// What the map shows, for screen readers.
    let caption: String
    let colorScale: AreaMapColorScale

    init(shapes: [Shape], outline: [GeoPolygon] = [], width: Int = 720, caption: String = "下辖区域地图") {
        self.shapes = shapes.filter { !$0.polygons.isEmpty }
        self.outline = outline
        self.width = min(max(width, 160), 4096)
        self.caption = caption
        colorScale = AreaMapColorScale(values: self.shapes.map(\.value))
    }

    /// The class breaks and colours, zero first, for an HTML legend next to the map.
    func legend() -> [AreaMapColorScale.Entry] {
        colorScale.legend()
    }

    /// The map as a standalone `<svg>` element.
    func svg() -> String {
        let corners = (shapes.flatMap(\.polygons) + outline).flatMap(\.exterior)
        guard let projection = AreaMapProjection(covering: corners, width: Double(width)) else { return emptySVG() }
        var areas = ""
        var labels = ""
        for shape in shapes {
            let polygons = shape.polygons.compactMap(projection.project)
            let data = AreaMapProjection.pathData(polygons)
            guard !data.isEmpty else { continue }
            let fill = colorScale.color(for: shape.value)
            let title = shape.label.map { shape.name + "：" + $0 } ?? shape.name
            areas += "<a href=\"\(Self.escaped(shape.link))\" data-code=\"\(Self.escaped(shape.code))\">"
            areas += "<title>\(Self.escaped(title))</title>"
            areas += "<path d=\"\(data)\" fill-rule=\"evenodd\" fill=\"\(fill)\""
            areas += " stroke=\"#fff\" stroke-width=\"1\"/></a>"
            if let largest = polygons.max(by: { $0.area < $1.area }), let anchor = largest.labelAnchor() {
                labels += Self.labelText(shape, at: anchor, on: fill)
            }
        }
        guard !areas.isEmpty else { return emptySVG() }
        let outlineData = AreaMapProjection.pathData(outline.compactMap(projection.project))
        var svg = Self.openingTag(width: projection.width, height: projection.height, label: caption)
        if !outlineData.isEmpty {
            svg += "<path d=\"\(outlineData)\" fill-rule=\"evenodd\" fill=\"#f4f6f8\" stroke=\"#8a96a3\""
            svg += " stroke-width=\"1.5\" aria-hidden=\"true\"/>"
        }
        svg += "<g stroke-linejoin=\"round\">" + areas + "</g>"
        if !labels.isEmpty {
            svg += "<g aria-hidden=\"true\" pointer-events=\"none\" text-anchor=\"middle\" font-family=\"sans-serif\">"
            svg += labels + "</g>"
        }
        return svg + "</svg>"
    }

    /// A `<text>` with the name (and the label on a second line) sized to fit the shape, or nothing when
    /// even the smallest readable size does not fit.
    private static func labelText(
        _ shape: Shape, at anchor: AreaMapProjection.Polygon.Anchor, on fill: String
    ) -> String {
        let minimumSize = 9.0
        for lines in [[shape.name] + [shape.label].compactMap { $0 }, [shape.name]] {
            let ems = lines.map(widthInEms).max() ?? 0
            guard ems > 0 else { continue }
            let bySize = 6 + anchor.width.squareRoot() * anchor.height.squareRoot() / 10
            let size = min(18, bySize, 0.9 * anchor.width / ems, 0.8 * anchor.height / (1.2 * Double(lines.count)))
            guard size >= minimumSize else { continue }
            // Baselines so that the block of lines is centred on the anchor (0.35 em ≈ half a CJK glyph).
            let firstBaseline = anchor.point.y + size * (0.35 - 0.6 * Double(lines.count - 1))
            let color = AreaMapColorScale.isDark(fill) ? "#fff" : "#1f2933"
            var text = "<text x=\"\(decimal(anchor.point.x))\" y=\"\(decimal(firstBaseline))\""
            text += " font-size=\"\(decimal(size))\" fill=\"\(color)\">" + escaped(lines[0])
            for line in lines.dropFirst() {
                text += "<tspan x=\"\(decimal(anchor.point.x))\" dy=\"\(decimal(size * 1.2))\">\(escaped(line))</tspan>"
            }
            return text + "</text>"
        }
        return ""
    }

    /// Rough rendered width: CJK characters are one em, Latin letters and digits about 0.6.
    private static func widthInEms(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 1 : 0.6) }
    }

    private static func openingTag(width: Double, height: Double, label: String) -> String {
        let w = decimal(width)
        let h = decimal(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"area-map\" viewBox=\"0 0 \(w) \(h)\""
            + " width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"\(escaped(label))\">"
    }

    /// A small SVG with a centred note, for an area without boundaries.
    private func emptySVG() -> String {
        let height = Double(max(120, width / 4))
        let x = Self.decimal(Double(width) / 2)
        let y = Self.decimal(height / 2)
        return Self.openingTag(width: Double(width), height: height, label: Self.emptyNote)
            + "<rect width=\"100%\" height=\"100%\" fill=\"#f4f6f8\"/>"
            + "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" dominant-baseline=\"middle\""
            + " font-family=\"sans-serif\" font-size=\"16\" fill=\"#5f6b7a\">\(Self.emptyNote)</text></svg>"
    }
}

extension AreaMap {
    /// `text` safe inside XML text and double- or single-quoted attributes. Characters XML 1.0 forbids
    /// (most C0 controls) are dropped; everything else, Chinese included, is kept as UTF-8.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `value` with at most one decimal and no trailing zero: `12`, `12.5`, `0.1`.
    static func decimal(_ value: Double) -> String {
        let scaled = (value * 10).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "0" }
        return tenths(Int(scaled))
    }

    /// A whole number of tenths as a decimal: `125` → `12.5`, `120` → `12`.
    static func tenths(_ value: Int) -> String {
        let magnitude = value.magnitude
        let sign = value < 0 ? "-" : ""
        let fraction = magnitude % 10
        return sign + String(magnitude / 10) + (fraction == 0 ? "" : "." + String(fraction))
    }
}
