import FengqiaoDomain

/// An axis-aligned rectangle in integer micro-degrees. Splitting in integers makes neighbours share
/// their edges exactly, so children tile their parent with no floating-point slivers.
struct DemoRect: Hashable, Sendable {
    var west: Int
    var south: Int
    var east: Int
    var north: Int

    var width: Int { east - west }
    var height: Int { north - south }

    /// East–west over north–south extent in kilometres-like units (longitude shrinks by cos 40.6° here).
    var aspect: Double { Double(width) * 0.759 / Double(max(1, height)) }

    var boundingBox: BoundingBox {
        BoundingBox(
            minLatitude: Double(south) / 1e6, minLongitude: Double(west) / 1e6,
            maxLatitude: Double(north) / 1e6, maxLongitude: Double(east) / 1e6)
    }

    /// A point strictly inside, at least `margin` (0–0.5) of the size away from every edge, rounded to micro-degrees.
    func randomPoint(_ random: inout DemoRandom, margin: Double = 0.05) -> Coordinate {
        let x = Double(west) + Double(width) * random.double(margin, 1 - margin)
        let y = Double(south) + Double(height) * random.double(margin, 1 - margin)
        return Coordinate(latitude: y.rounded() / 1e6, longitude: x.rounded() / 1e6)
    }

    /// A smaller rectangle inside this one, `fraction` of its size in each direction, placed at random.
    func inset(fraction: Double, _ random: inout DemoRandom) -> DemoRect {
        let w = max(1, Int(Double(width) * fraction))
        let h = max(1, Int(Double(height) * fraction))
        let x = west + random.below(max(1, width - w))
        let y = south + random.below(max(1, height - h))
        return DemoRect(west: x, south: y, east: x + w, north: y + h)
    }
}
