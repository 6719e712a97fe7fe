import Foundation

extension AssessedUnit {
    /// `township:150207001000`, `department:3`, `grid_worker:17`: how a unit travels in a form field or a link
    /// (`/assessment/appeals?unit=township:150207001000`).
    public var formValue: String { "\(kind.rawValue):\(code)" }

    /// Reads a `formValue`; nil when it is not one (unknown kind, empty or malformed code).
    public init?(formValue: String) {
        let parts = formValue.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = AssessedUnitKind(rawValue: String(parts[0])) else { return nil }
        let code = String(parts[1])
        let digits = !code.isEmpty && code.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        switch kind {
        case .township:
            guard digits, code.utf8.count == 12, AssessedUnit.township(of: code)?.code == code else { return nil }
        case .department, .gridWorker:
            guard digits, code.utf8.count <= 18, let id = Int64(code), id > 0 else { return nil }
        }
        self.init(kind, code)
    }
}
