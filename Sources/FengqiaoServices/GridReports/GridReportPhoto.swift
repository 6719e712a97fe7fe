import Foundation

/// One photo of a grid report: its bytes and the name the phone gave it.
public struct GridReportPhoto: Sendable, Equatable {
    public var data: Data
    public var filename: String?

    public init(data: Data, filename: String? = nil) {
        self.data = data
        self.filename = filename
    }
}
