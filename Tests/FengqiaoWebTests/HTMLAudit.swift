import Foundation

/// Checks one HTML page for what every page of the platform promises: no inline script or event handler
/// and no `style=` (the Content-Security-Policy allows neither), every form control named by a label,
/// every image described, exactly one `<h1>`, and the page's language.
enum HTMLAudit {
    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        let tags = Self.tags(html)
        if !html.contains("<html lang=\"") { problems.append("<html> without lang") }
        let headings = tags.filter { $0.name == "h1" }.count
        if headings != 1 { problems.append("\(headings) <h1> elements") }
        let labelled = Set(tags.filter { $0.name == "label" }.compactMap { $0.attributes["for"] })
        for tag in tags {
            if tag.name == "script", tag.attributes["src"] == nil { problems.append("inline <script>") }
            for name in tag.attributes.keys where name.hasPrefix("on") && name.count > 2 {
                problems.append("event handler \(name)= on <\(tag.name)>")
            }
            if tag.attributes["style"] != nil { problems.append("style= on <\(tag.name)>: \(tag.text.prefix(80))") }
            if tag.name == "img", tag.attributes["alt"] == nil { problems.append("<img> without alt: \(tag.text.prefix(80))") }
            guard ["input", "select", "textarea"].contains(tag.name) else { continue }
            let type = tag.attributes["type"]?.lowercased() ?? "text"
            if tag.name == "input", ["hidden", "submit", "button", "reset", "image"].contains(type) { continue }
            let named = tag.attributes["aria-label"].map { !$0.isEmpty } == true || tag.attributes["aria-labelledby"] != nil
                || tag.attributes["id"].map(labelled.contains) == true || tag.insideLabel
            if !named { problems.append("unlabelled <\(tag.name)>: \(tag.text.prefix(100))") }
        }
        return problems
    }

    struct Tag {
        var name: String
        var attributes: [String: String]
        var text: String
        var insideLabel: Bool
    }

    static let tagPattern = try? NSRegularExpression(pattern: #"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>"#)
    static let attributePattern = try? NSRegularExpression(pattern: #"([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?"#)

    /// The opening tags in order, skipping what is inside `<script>` and `<style>` and comments.
    static func tags(_ html: String) -> [Tag] {
        guard let tagPattern, let attributePattern else { return [] }
        let text = html.replacingOccurrences(of: #"<!--[\s\S]*?-->"#, with: "", options: .regularExpression)
        let ns = text as NSString
        var tags: [Tag] = []
        var labelDepth = 0
        for match in tagPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let closing = ns.substring(with: match.range(at: 1)) == "/"
            let name = ns.substring(with: match.range(at: 2)).lowercased()
            if name == "label" {
                labelDepth += closing ? -1 : 1
                labelDepth = max(labelDepth, 0)
            }
            guard !closing else { continue }
            var attributes: [String: String] = [:]
            if match.range(at: 3).location != NSNotFound {
                let source = ns.substring(with: match.range(at: 3))
                let sns = source as NSString
                for a in attributePattern.matches(in: source, range: NSRange(location: 0, length: sns.length)) {
                    let key = sns.substring(with: a.range(at: 1)).lowercased()
                    var value = ""
                    for group in 2...4 where a.range(at: group).location != NSNotFound { value = sns.substring(with: a.range(at: group)) }
                    attributes[key] = value
                }
            }
            tags.append(Tag(name: name, attributes: attributes, text: ns.substring(with: match.range), insideLabel: labelDepth > 0))
        }
        return tags
    }
}
