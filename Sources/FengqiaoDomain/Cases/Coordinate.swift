import Foundation

/// A WGS84 point.
public struct Coordinate: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Roughly the bounding box of China's territory; points outside are input errors.
    public var isInChina: Bool { (3.0...54.0).contains(latitude) && (73.0...136.0).contains(longitude) }
}
