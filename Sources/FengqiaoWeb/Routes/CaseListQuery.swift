import FengqiaoServices
import Foundation

/// The case list's query parameters, read the same way by the JSON list, the `/cases` page and its export.
enum CaseListQuery {
    static let names = [
        "list", "state", "kind", "channel", "urgency", "category", "area", "grid", "department", "reportedFrom",
        "reportedTo", "overdue", "supervised", "closed", "closedOnTime", "rated", "satisfied", "resolved", "resolvedVillage",
        "lead", "risk", "sort", "direction",
    ]

    /// The filter and sort named by the parameters `text` reads.
    static func filter(_ text: (String) -> String?) -> CaseWorklistFilter {
        CaseWorklistFilter(
            state: text("state"), kind: text("kind"), channel: text("channel"), urgency: text("urgency"),
            reportedFrom: text("reportedFrom"), reportedTo: text("reportedTo"), category: text("category"),
            area: text("area"), grid: text("grid"), department: text("department"), overdue: text("overdue"),
            supervised: text("supervised"), sort: text("sort"), direction: text("direction"), closed: text("closed"),
            closedOnTime: text("closedOnTime"), rated: text("rated"), satisfied: text("satisfied"),
            resolved: text("resolved"), resolvedVillage: text("resolvedVillage"), lead: text("lead"),
            risk: text("risk"))
    }

    /// The non-empty parameters among `names` (and any `extra`), as a query string for links.
    static func string(_ text: (String) -> String?, replacing extra: [String: String?] = [:]) -> String {
        var components = URLComponents()
        var items: [URLQueryItem] = []
        for name in names {
            let value = extra.keys.contains(name) ? extra[name] ?? nil : text(name)
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
            items.append(URLQueryItem(name: name, value: value))
        }
        for (name, value) in extra.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
            if let value, !value.isEmpty { items.append(URLQueryItem(name: name, value: value)) }
        }
        components.queryItems = items
        // Read back with form decoding, where `+` is a space.
        return (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }
}
