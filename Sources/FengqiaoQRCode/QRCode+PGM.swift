#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension QRCode {
    /// The symbol as a binary PGM (netpbm `P5`) greyscale image: 0 for dark, 255 for light.
    ///
    /// A raster form with no image library behind it, for tools and tests that read images — `zbarimg`
    /// decodes it directly.
    ///
    /// - Parameters:
    ///   - moduleSize: Pixels per module, clamped to 1...100.
    ///   - quietZone: Light modules around the symbol, clamped to 0...40.
    public func pgm(moduleSize: Int = 4, quietZone: Int = 4) -> Data {
        let moduleSize = moduleSize.clamped(to: 1...100)
        let quietZone = quietZone.clamped(to: 0...40)
        let pixels = (size + 2 * quietZone) * moduleSize
        let light: UInt8 = 255
        let dark: UInt8 = 0

        var image = Data("P5\n\(pixels) \(pixels)\n255\n".utf8)
        image.reserveCapacity(image.count + pixels * pixels)
        let quietRows = [UInt8](repeating: light, count: pixels * quietZone * moduleSize)

        image.append(contentsOf: quietRows)
        for row in 0..<size {
            var line = [UInt8](repeating: light, count: pixels)
            for column in 0..<size where isDark(row: row, column: column) {
                let start = (column + quietZone) * moduleSize
                line.replaceSubrange(start..<start + moduleSize, with: repeatElement(dark, count: moduleSize))
            }
            for _ in 0..<moduleSize { image.append(contentsOf: line) }
        }
        image.append(contentsOf: quietRows)
        return image
    }
}
