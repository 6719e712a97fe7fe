/// A description template parsed once into text and slots, so filling a million of them is cheap.
struct DemoTemplate: Sendable {
    enum Slot: String, Sendable, CaseIterable {
        case compound = "小区", building = "楼", entrance = "单元", road = "路", village = "村"
        case organization = "单位", people = "人数", amount = "金额", days = "天", months = "月", time = "时间"
    }

    enum Part: Sendable {
        case text(String)
        case slot(Slot)
    }

    let parts: [Part]
    let slots: Set<Slot>

    /// Parses `{小区}`-style slots; unknown names stay as text.
    init(_ source: String) {
        var parts: [Part] = []
        var slots: Set<Slot> = []
        var text = ""
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let slot = Slot(rawValue: name) {
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.slot(slot))
                slots.insert(slot)
            } else {
                text += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
        self.slots = slots
    }

    /// The text with every slot filled by `value`.
    func render(_ value: (Slot) -> String) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .slot(let slot): result += value(slot)
            }
        }
        return result
    }
}
