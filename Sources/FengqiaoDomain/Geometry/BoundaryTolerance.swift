import Foundation

/// How small a flaw in a set of boundaries may be before it is ignored.
///
/// Real maps are digitised with rounded coordinates, so neighbouring tiles that should share a border often
/// leave hair-thin slivers of overlap or gap between them. An overlap, gap or part outside the parent is
/// reported only when it is at least `minimumSquareMetres` in area **and** on average at least
/// `sliverWidthMetres` wide, where the width is twice the area over the perimeter (a sliver of length L and
/// width w has area ≈ wL and perimeter ≈ 2L). So a 0.05 m wide sliver along a 2 km border (100 m²) is ignored,
/// while a 10 × 10 m square (100 m², 5 m wide) is reported.
public struct BoundaryTolerance: Hashable, Sendable {
    /// Areas smaller than this are ignored; rings enclosing less are reported as having no area.
    public var minimumSquareMetres: Double
    /// Regions thinner than this on average are ignored as rounding slivers. 0.1 m covers coordinates rounded
    /// to 6 decimals (≈ 0.11 m north–south, half of that at most per point); raise it for coarser data.
    public var sliverWidthMetres: Double
    /// Points closer than this, in degrees, are one point; a vertex this close to an edge lies on it.
    /// 1e-9° is about 0.1 mm — far below survey precision, far above floating-point noise.
    public var snapDegrees: Double

    public init(minimumSquareMetres: Double = 1, sliverWidthMetres: Double = 0.1, snapDegrees: Double = 1e-9) {
        self.minimumSquareMetres = minimumSquareMetres
        self.sliverWidthMetres = sliverWidthMetres
        // Snapping must stay positive: zero would merge nothing and make shared borders depend on rounding.
        self.snapDegrees = snapDegrees.isFinite && snapDegrees > 1e-12 ? snapDegrees : 1e-12
    }

    /// The defaults described above.
    public static let standard = BoundaryTolerance()

    /// Whether a measured region is large enough to report.
    func reports(_ measure: BoundaryOverlay.Measure) -> Bool {
        measure.squareMetres >= minimumSquareMetres && measure.meanWidthMetres >= sliverWidthMetres
    }
}
