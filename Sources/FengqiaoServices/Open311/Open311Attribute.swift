import FengqiaoDomain

/// One attribute of a GeoReport v2 service definition, answered as `attribute[code]` when posting.
public struct Open311Attribute: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        public var key: String
        public var name: String
    }

    public var code: String
    /// `string`, `number`, `datetime`, `text`, `singlevaluelist` or `multivaluelist`.
    public var datatype: String
    public var required: Bool
    public var description: String
    public var order: Int
    public var values: [Value]
    /// Always true here: every attribute is a question for the reporter.
    public var variable: Bool { true }

    /// The attributes every service has: how urgent the matter is and how many people it involves.
    public static let standard: [Open311Attribute] = [
        Open311Attribute(
            code: "urgency", datatype: "singlevaluelist", required: false, description: "紧急程度",
            order: 1, values: Urgency.allCases.map { Value(key: $0.rawValue, name: $0.chineseName) }),
        Open311Attribute(
            code: "people_involved", datatype: "number", required: false, description: "涉及人数", order: 2, values: []),
    ]
}
