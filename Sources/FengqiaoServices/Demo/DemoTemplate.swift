/// A description template parsed once into text and slots, so filling a million of them is cheap.
struct DemoTemplate: Sendable {
    enum Slot: String, Sendable, CaseIterable {
        case compound = "小区"
        case building = "楼"
        case entrance = "单元"
        case road = "路"
        case village = "村"
        case organization = "单位"
        case people = "人数"
        case amount = "金额"
        case days = "天"
        case months = "月"
        case time = "时间"
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
