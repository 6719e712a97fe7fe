/// Failures of the storage layer that are not the caller's fault.
public enum StoreError: Error, Sendable, Equatable {
    case noRowReturned(String)
    /// The database was closed (the server is stopping).
    case closed
}
