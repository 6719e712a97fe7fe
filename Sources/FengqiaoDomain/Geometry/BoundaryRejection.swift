import Foundation

/// A boundary that failed validation, with every problem found (the error side of `GeoBoundary.read`).
public struct BoundaryRejection: Error, Hashable, Sendable {
    /// At least one problem.
    public var problems: [BoundaryProblem]

    public init(_ problems: [BoundaryProblem]) {
        self.problems = problems
    }

    /// The problems' codes, in order (handy for logs and tests).
    public var codes: [BoundaryProblem.Code] { problems.map(\.code) }

    /// The validation error for a single-area edit, every problem listed on `field`.
    public func domainError(field: String = "boundary") -> DomainError { .boundary(problems, field: field) }
}
