import FengqiaoDomain
import Foundation

extension AccessOracle {
    /// The grid worker app (网格通): its shell is public (no personal data, cached by the service worker); its JSON
    /// endpoints are for people who report from the field (never a token). A grid outside the caller's grids is
    /// the field error gridCode/unknown or location/outside_grid; a case outside is "not found". A patrol's points
    /// and stop name the phone's patrol (`{ref}` is left as is here: an ill-formed reference, 422 after the
    /// role check); GridAppAPIRoutesTests covers their jurisdiction.
    static let gridAppEntries: [String: Entry] = {
        let field = Rule.personAny([.handleCases])
        var entries: [String: Entry] = [
            "GET /app/api/me": Entry(rule: field),
            "GET /app/api/tasks": Entry(rule: field),
            "POST /app/api/tasks/{number}/verify": Entry(rule: field, object: .caseFile, body: .json(#"{"pass":true}"#)),
            "POST /app/api/reports": Entry(rule: field, object: .gridField, body: .json(
                #"{"latitude":{lat},"longitude":{lon},"category":"{category}","description":"楼道堆放杂物,影响通行"}"#)),
            "GET /app/api/visits": Entry(rule: field),
            "POST /app/api/visits": Entry(rule: field, object: .gridField, body: .json(
                #"{"subjectKind":"household","subject":"阳光花园9栋101","gridCode":"{grid}","visitedOn":"2025-12-01","notes":"入户了解近况"}"#)),
            "GET /app/api/patrols": Entry(rule: field),
            "POST /app/api/patrols": Entry(rule: field, object: .gridField, body: .json(
                #"{"ref":"matrix-patrol-0001","gridCode":"{grid}"}"#)),
            "POST /app/api/patrols/{ref}/points": Entry(rule: field, body: .json(#"{"points":[]}"#)),
            "POST /app/api/patrols/{ref}/stop": Entry(rule: field, body: .json("{}")),
            // Finding and correcting residents also needs the base-data permission (no token scope has handleCases).
            "GET /app/api/people": needs(all: [.handleCases, .viewBaseData], query: "q=李"),
            "POST /app/api/people/{id}": needs(all: [.handleCases, .editBaseData], .person, body: .json(#"{"phone":"13800001111"}"#)),
        ]
        for path in ["/app", "/app/app.js", "/app/outbox.js", "/app/app.css", "/app/sw.js", "/app/manifest.webmanifest",
                     "/app/icon.svg", "/app/icon-192.png", "/app/icon-512.png"] {
            entries["GET " + path] = open()
        }
        return entries
    }()
}
