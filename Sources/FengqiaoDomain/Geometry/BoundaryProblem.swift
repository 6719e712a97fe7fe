import Foundation

/// One thing wrong with an area's boundary, or between an area and its parent or siblings: a stable machine
/// `code`, the areas involved, the area in m² when there is one, where it is, and a Chinese message for people.
public struct BoundaryProblem: Hashable, Sendable, CustomStringConvertible {
    /// Stable machine codes; the raw values are part of the API.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// Not JSON, not a Polygon or MultiPolygon, or coordinates of the wrong shape.
        case invalidGeoJSON = "invalid_geojson"
        /// A ring with fewer than 4 positions.
        case ringTooShort = "ring_too_short"
        /// A ring whose last position is not its first.
        case ringNotClosed = "ring_not_closed"
        /// A longitude outside −180…180, a latitude outside −90…90, or a value that is not a finite number.
        case coordinateOutOfRange = "coordinate_out_of_range"
        /// A ring (or a whole polygon) enclosing no area.
        case zeroArea = "zero_area"
        /// A ring whose edges touch or cross each other, or that passes twice through one point.
        case selfIntersection = "self_intersection"
        /// A hole lying (partly) outside its polygon's exterior ring.
        case holeOutside = "hole_outside"
        /// Two holes of one polygon overlapping.
        case holesOverlap = "holes_overlap"
        /// Two polygons of one MultiPolygon overlapping.
        case partsOverlap = "parts_overlap"
        /// A child area (partly) outside its parent.
        case outsideParent = "outside_parent"
        /// Two children of one parent overlapping.
        case overlapsSibling = "overlaps_sibling"
        /// Part of a parent covered by none of its children.
        case gapInParent = "gap_in_parent"
    }

    /// Which ring of a boundary a problem is about (0-based: polygon 0 ring 0 is the first exterior).
    public struct RingIndex: Hashable, Sendable {
        public var polygon: Int
        /// 0 is the exterior, 1… the holes.
        public var ring: Int

        public init(polygon: Int, ring: Int) {
            self.polygon = polygon
            self.ring = ring
        }
    }

    public var code: Code
    /// The area whose boundary has the problem (the child for `outside_parent`, the parent for
    /// `gap_in_parent`); nil when a boundary was checked without a code.
    public var areaCode: AreaCode?
    /// The other area involved: the parent for `outside_parent`, the sibling for `overlaps_sibling`.
    public var otherAreaCode: AreaCode?
    /// The ring concerned, for problems inside one boundary.
    public var ring: RingIndex?
    /// The area of the overlap, gap or outside part, in m².
    public var squareMetres: Double?
    /// Roughly where the problem is (a crossing point, a bad vertex, a point on the overlap's edge).
    public var location: Coordinate?
    /// The explanation for people, in Chinese.
    public var message: String

    public init(
        code: Code, areaCode: AreaCode? = nil, otherAreaCode: AreaCode? = nil, ring: RingIndex? = nil,
        squareMetres: Double? = nil, location: Coordinate? = nil, message: String
    ) {
        self.code = code
        self.areaCode = areaCode
        self.otherAreaCode = otherAreaCode
        self.ring = ring
        self.squareMetres = squareMetres
        self.location = location
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// The problem as a rejected form or API field.
    public func fieldError(field: String = "boundary") -> FieldError {
        FieldError(field: field, code: code.rawValue, message: message)
    }
}

extension DomainError {
    /// The validation error for an edit whose boundary has `problems`, every problem listed on `field`.
    public static func boundary(_ problems: [BoundaryProblem], field: String = "boundary") -> DomainError {
        .validation(problems.map { $0.fieldError(field: field) })
    }
}
