import Foundation

/// Why a document could not be printed: the machine's setup, not the caller's input (HTTP 503).
public enum PrintingError: Error, Sendable, Equatable {
    /// No browser to print with: `FENGQIAO_CHROMIUM` names none, and no `chromium` is on the PATH.
    case printerMissing(String)
    /// The browser ran but produced no PDF (exit status, or the time limit).
    case printFailed(String)

    /// For the log; the answer to the client stays generic.
    public var reason: String {
        switch self {
        case .printerMissing(let reason), .printFailed(let reason): reason
        }
    }
}
