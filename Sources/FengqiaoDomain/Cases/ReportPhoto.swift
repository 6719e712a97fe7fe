import Foundation

/// A photo sent with a resident's report, as received: its bytes and the name the client gave it.
public struct ReportPhoto: Sendable, Equatable {
    public var data: Data
    public var filename: String?

    public init(data: Data, filename: String? = nil) {
        self.data = data
        self.filename = filename
    }
}
