import Foundation

/// Who is on duty in a centre on which Beijing day, for a department that is stationed there in
/// rotation (轮驻), e.g. 法院、检察院、公安分局 taking turns at a county centre. A roster is plain data:
/// holidays and swaps are edits to its entries, not rules inside it.
public struct DutyRoster: Sendable, Hashable {
    /// A person who can be put on duty.
    public struct Member: Sendable, Hashable, Codable {
        /// The member's account (`Staff.accountID`).
        public var accountID: Int64
        /// The name shown on the roster board.
        public var name: String

        public init(accountID: Int64, name: String) {
            self.accountID = accountID
            self.name = name
        }
    }

    /// One person on one day.
    public struct Entry: Sendable, Hashable, Codable {
        /// `yyyy-MM-dd`, the Beijing calendar day.
        public var day: String
        /// Who is on duty.
        public var member: Member

        public init(day: String, member: Member) {
            self.day = day
            self.member = member
        }
    }

    /// The entries, sorted by day and then account.
    public let entries: [Entry]
    private let entriesByDay: [String: [Entry]]

    /// Longest name kept on a roster, as for department names.
    public static let maximumNameLength = 40

    /// Validates and sorts the entries of a roster for a department stationed as `stationing`.
    /// - Throws: `.validation` listing every problem: an empty roster for `.rotating` (`required`), a day
    ///   that is not a real `yyyy-MM-dd` date (`invalid_format`), a blank or over-long name, and the same
    ///   person twice on one day (`duplicate`).
    public init(entries: [Entry], stationing: Stationing) throws(DomainError) {
        var errors: [FieldError] = []
        if entries.isEmpty && stationing == .rotating {
            errors.append(FieldError(field: "entries", code: "required", message: "轮驻部门须排定值班表"))
        }
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() {
            let field = "entries[\(index)]"
            if Self.date(ofDay: entry.day) == nil {
                errors.append(
                    FieldError(field: "\(field).day", code: "invalid_format", message: "值班日期应为有效的yyyy-MM-dd日期"))
            }
            let name = entry.member.name.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty {
                errors.append(.required("\(field).name", label: "值班人员姓名"))
            } else if name.count > Self.maximumNameLength {
                errors.append(.tooLong("\(field).name", label: "值班人员姓名", max: Self.maximumNameLength))
            }
            if !seen.insert("\(entry.day)#\(entry.member.accountID)").inserted {
                errors.append(
                    FieldError(field: field, code: "duplicate", message: "\(name)在\(entry.day)重复排班"))
            }
        }
        guard errors.isEmpty else { throw .validation(errors) }
        self.entries = entries.sorted { ($0.day, $0.member.accountID) < ($1.day, $1.member.accountID) }
        self.entriesByDay = Dictionary(grouping: self.entries, by: \.day)
    }

    /// Who is on duty on a Beijing day (`yyyy-MM-dd`); empty when nobody is, or the day is malformed.
    public func onDuty(on day: String) -> [Entry] { entriesByDay[day] ?? [] }

    /// Who is on duty on the Beijing day that `date` falls on.
    public func onDuty(at date: Date) -> [Entry] { onDuty(on: ChinaTime.dayString(date)) }

    /// The first and last day covered, nil for an empty roster.
    public var span: ClosedRange<String>? {
        guard let first = entries.first?.day, let last = entries.last?.day else { return nil }
        return first...last
    }

    static func date(ofDay day: String) -> Date? { ChinaTime.date(ofDay: day) }
}
