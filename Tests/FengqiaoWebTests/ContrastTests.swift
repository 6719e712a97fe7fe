import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The colours of `/static/app.css` as served: every text colour the stylesheet sets is declared below
/// with the backgrounds it stands on, and each pair reaches WCAG AA (4.5:1 for text); the keyboard focus
/// ring reaches 3:1 against the page and the cards (WCAG 1.4.11) and is set on everything that takes focus.
final class ContrastTests: XCTestCase {
    /// Text on background, as the stylesheet names them (a custom property or a literal colour).
    static let pairs: [(text: String, background: String, where: String)] = [
        ("var(--ink)", "var(--bg)", "body text on the page"),
        ("var(--ink)", "#fff", "text in cards and tables"),
        ("var(--muted)", "#fff", "hints, meta and crumbs in cards"),
        ("var(--muted)", "var(--bg)", "hints and the footer on the page"),
        ("var(--muted)", "#eef2f7", "muted text in code"),
        ("var(--muted)", "#f3f6fa", "totals rows of the figures"),
        ("var(--brand)", "#fff", "field errors, link buttons, secondary buttons, current tab"),
        ("var(--brand)", "var(--bg)", "errors and the empty states on the page"),
        ("#fff", "var(--brand)", "buttons, badges, the mark, current tab"),
        ("#1d4f91", "#fff", "links in cards"),
        ("#1d4f91", "var(--bg)", "links on the page"),
        ("#1d4f91", "#fde2e1", "links in red rows"),
        ("var(--ink)", "#e6f4ea", "green clocks"),
        ("var(--ink)", "#fff4ce", "yellow clocks"),
        ("var(--ink)", "#fde2e1", "red clocks"),
        ("var(--ink)", "#eef2f7", "code"),
        ("var(--ink)", "#dbe9fb", "blue warning levels"),
        ("var(--ink)", "#ffe1c2", "orange warning levels"),
    ]

    static func stylesheet() async throws -> String {
        let css = LockedBox("")
        try await withTestClient(areas: false) { client, _ in
            let response = try await client.execute(uri: "/static/app.css", method: .get)
            XCTAssertEqual(response.status, .ok)
            css.value = response.text
        }
        return css.value
    }

    /// The custom properties of every `:root` block.
    static func properties(_ css: String) -> [String: String] {
        var properties: [String: String] = [:]
        var rest = css[...]
        while let root = rest.range(of: ":root"), let open = rest[root.upperBound...].firstIndex(of: "{"),
              let close = rest[open...].firstIndex(of: "}") {
            for declaration in rest[rest.index(after: open)..<close].split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                if parts.count == 2, parts[0].hasPrefix("--") { properties[parts[0]] = parts[1] }
            }
            rest = rest[close...]
        }
        return properties
    }

    static func resolve(_ token: String, _ properties: [String: String]) -> String? {
        if token.hasPrefix("var(") {
            let name = token.dropFirst(4).dropLast().trimmingCharacters(in: .whitespaces)
            return properties[name].flatMap { resolve($0, properties) }
        }
        return token.hasPrefix("#") ? token : nil
    }

    static func luminance(_ hex: String) -> Double? {
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func ratio(_ a: String, _ b: String) -> Double? {
        guard let x = luminance(a), let y = luminance(b) else { return nil }
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    func testEveryDeclaredTextColourReachesAA() async throws {
        let css = try await Self.stylesheet()
        let properties = Self.properties(css)
        for (text, background, place) in Self.pairs {
            let fg = try XCTUnwrap(Self.resolve(text, properties), "\(text) is defined")
            let bg = try XCTUnwrap(Self.resolve(background, properties), "\(background) is defined")
            XCTAssertTrue(css.contains(text), "\(text) is used by the stylesheet")
            XCTAssertTrue(css.contains(background), "\(background) is used by the stylesheet")
            let contrast = try XCTUnwrap(Self.ratio(fg, bg))
            XCTAssertGreaterThanOrEqual(contrast, 4.5, "\(place): \(text) on \(background) is \(contrast):1")
        }
        // Every text colour the stylesheet sets is one of the declared ones.
        let declared = Set(Self.pairs.map(\.text))
        let regex = try NSRegularExpression(pattern: #"(?:^|[;{\s])color:\s*([^;}]+)"#)
        let ns = css as NSString
        for match in regex.matches(in: css, range: NSRange(location: 0, length: ns.length)) {
            let value = ns.substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
            guard !["inherit", "currentColor", "transparent"].contains(value) else { continue }
            XCTAssertTrue(declared.contains(value), "text colour \(value) has no declared background pairs")
        }
    }

    func testKeyboardFocusIsVisibleOnEverythingThatTakesFocus() async throws {
        let css = try await Self.stylesheet()
        let properties = Self.properties(css)
        for element in ["a", "button", "input", "select", "textarea", "summary"] {
            XCTAssertTrue(css.contains("\(element):focus-visible"), "\(element) has a focus style")
        }
        let rule = try XCTUnwrap(css.range(of: "summary:focus-visible").map { css[$0.upperBound...] })
        let body = rule[rule.index(after: try XCTUnwrap(rule.firstIndex(of: "{")))..<(try XCTUnwrap(rule.firstIndex(of: "}")))]
        XCTAssertTrue(body.contains("outline: 3px solid var(--focus)"), String(body))
        let focus = try XCTUnwrap(Self.resolve("var(--focus)", properties))
        for background in ["#fff", try XCTUnwrap(Self.resolve("var(--bg)", properties))] {
            let contrast = try XCTUnwrap(Self.ratio(focus, background))
            XCTAssertGreaterThanOrEqual(contrast, 3, "the focus ring on \(background)")
        }
        XCTAssertFalse(css.contains("outline: none") || css.contains("outline:none") || css.contains("outline: 0"),
                       "no rule takes the focus ring away")
    }

    func testTheContrastArithmeticMatchesWCAG() {
        XCTAssertEqual(Self.ratio("#000", "#fff") ?? 0, 21, accuracy: 0.01)
        XCTAssertEqual(Self.ratio("#777777", "#ffffff") ?? 0, 4.48, accuracy: 0.01, "the classic grey just below AA")
        XCTAssertEqual(Self.resolve("var(--a)", ["--a": "var(--b)", "--b": "#123"]), "#123")
        XCTAssertNil(Self.resolve("var(--missing)", [:]))
    }
}

/// A value set inside a `@Sendable` closure and read after it.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
