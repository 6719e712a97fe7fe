extension QRCode {
    /// A standalone SVG image of the symbol, black on white, for inline use in an HTML page and for print.
    ///
    /// The dark modules are one `<path>` of horizontal runs drawn in module units (the `viewBox`), so the
    /// markup stays small and scales without blur; `shape-rendering="crispEdges"` keeps adjacent runs from
    /// showing hairline seams. `width` and `height` are in CSS pixels.
    ///
    /// - Parameters:
    ///   - moduleSize: Pixels per module, clamped to 1...100.
    ///   - quietZone: Light modules around the symbol, clamped to 0...40. Scanners need 4 for reliable reading
    ///     unless the surrounding page is already light.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        let moduleSize = moduleSize.clamped(to: 1...100)
        let quietZone = quietZone.clamped(to: 0...40)
        let side = size + 2 * quietZone
        let pixels = side * moduleSize

        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, isDark(row: row, column: column) { column += 1 }
                let run = column - start
                path += "M\(start + quietZone) \(row + quietZone)h\(run)v1h-\(run)z"
            }
        }

        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>
            """
    }
}

extension Int {
    func clamped(to range: ClosedRange<Int>) -> Int {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
