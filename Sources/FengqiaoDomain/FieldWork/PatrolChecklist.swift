import Foundation

/// The standard patrol checklist (巡查事项) every grid worker walks through, after the routine of
/// "三必到、四必清、五必访": the places to see, the matters to clear, the people to call on.
public enum PatrolChecklist {
    public struct Item: Sendable, Equatable, Codable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public static let standard: [Item] = [
        Item(code: "fireLanes", name: "消防通道、楼道是否畅通"),
        Item(code: "eBikeCharging", name: "电动车是否入户或在楼道充电"),
        Item(code: "disputes", name: "有无矛盾纠纷苗头"),
        Item(code: "carePeople", name: "独居老人、留守儿童等关爱对象是否安好"),
        Item(code: "rentals", name: "出租房屋与流动人口有无变化"),
        Item(code: "publicFacilities", name: "井盖、路灯等公共设施是否完好"),
        Item(code: "streetOrder", name: "有无占道经营、乱堆乱放"),
        Item(code: "safetyHazards", name: "有无其他安全隐患"),
    ]

    /// The status a checked item is given: `ok` (正常) or `issue` (发现问题, a note required).
    public enum Status: String, Sendable, Codable, CaseIterable {
        case ok, issue

        public var chineseName: String { self == .ok ? "正常" : "发现问题" }
    }

    /// One checked item as the phone sends it.
    public struct Result: Sendable, Equatable, Codable {
        public var code: String?
        public var status: String?
        public var note: String?

        public init(code: String? = nil, status: String? = nil, note: String? = nil) {
            self.code = code
            self.status = status
            self.note = note
        }
    }

    /// One item checked, ready to store.
    public struct Checked: Sendable, Equatable, Codable {
        public var code: String
        public var name: String
        public var status: Status
        public var note: String?
    }

    /// Checks `results` against the standard list: known codes, each once, a status, a note for an issue.
    public static func check(_ results: [Result], errors: inout [FieldError]) -> [Checked] {
        var seen: Set<String> = []
        var checked: [Checked] = []
        for (index, result) in results.enumerated() {
            let field = "checklist[\(index)]"
            guard let code = InputRules.text(result.code), let item = standard.first(where: { $0.code == code }) else {
                errors.append(FieldError(field: field + ".code", code: "invalid_choice", message: "第\(index + 1)项不是巡查清单中的事项"))
                continue
            }
            guard seen.insert(code).inserted else {
                errors.append(FieldError(field: field + ".code", code: "duplicate", message: "“\(item.name)”填写了两次"))
                continue
            }
            guard let status = InputRules.text(result.status).flatMap(Status.init(rawValue:)) else {
                errors.append(FieldError(field: field + ".status", code: "invalid_choice", message: "“\(item.name)”的结果只能是 ok(正常)或 issue(发现问题)"))
                continue
            }
            let note = InputRules.text(result.note)
            if let note, note.count > 500 {
                errors.append(.tooLong(field + ".note", label: "“\(item.name)”的说明", max: 500))
                continue
            }
            if status == .issue, note == nil {
                errors.append(FieldError(field: field + ".note", code: "required", message: "“\(item.name)”发现问题,请写明情况"))
                continue
            }
            checked.append(Checked(code: code, name: item.name, status: status, note: note))
        }
        return checked
    }
}
