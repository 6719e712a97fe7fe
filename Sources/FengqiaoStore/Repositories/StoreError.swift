/// Failures of the storage layer that are not the caller's fault.
public enum StoreError: Error, Sendable, Equatable {
    case noRowReturned(String)
    /// A row with the same natural key exists (the column is named).
    case duplicate(String)
    /// The database was closed (the server is stopping).
    case closed
}
