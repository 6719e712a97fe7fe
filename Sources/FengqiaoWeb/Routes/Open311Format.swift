import FengqiaoServices
import Foundation
import Hummingbird

/// GeoReport v2's two representations: the element names of the spec in XML, the same names as keys in
/// JSON. Missing values are JSON `null` and empty XML elements.
enum Open311Format: String {
    case json, xml

    /// A value of a JSON object or XML element.
    indirect enum Node {
        case text(String?)
        case number(Double?)
        case integer(Int)
        case bool(Bool)
        /// An object (JSON) or element with children (XML), in order.
        case object([(String, Node)])
        /// A JSON array; in XML, each item is an element named `item`.
        case list(item: String, [Node])
    }

    func response(root: String, _ node: Node, status: HTTPResponse.Status = .ok) -> Response {
        switch self {
        case .json:
            let data = (try? JSONSerialization.data(withJSONObject: Self.json(node),
                                                    options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .xml:
            var out = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            Self.xml(root, node, into: &out)
            return Response(status: status, headers: [.contentType: "text/xml; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: out + "\n")))
        }
    }

    static func json(_ node: Node) -> Any {
        switch node {
        case .text(let value): value.map { $0 as Any } ?? NSNull()
        case .number(let value): value.map { $0 as Any } ?? NSNull()
        case .integer(let value): value
        case .bool(let value): value
        case .object(let pairs): Dictionary(pairs.map { ($0.0, json($0.1)) }, uniquingKeysWith: { a, _ in a })
        case .list(_, let items): items.map(json)
        }
    }

    static func xml(_ name: String, _ node: Node, into out: inout String) {
        switch node {
        case .text(let value): element(name, value.map(escape), into: &out)
        case .number(let value): element(name, value.map { String($0) }, into: &out)
        case .integer(let value): element(name, String(value), into: &out)
        case .bool(let value): element(name, value ? "true" : "false", into: &out)
        case .object(let pairs):
            out += "<\(name)>"
            for (key, child) in pairs { xml(key, child, into: &out) }
            out += "</\(name)>"
        case .list(_, let items) where items.isEmpty:
            out += "<\(name)/>"
        case .list(let item, let items):
            out += "<\(name)>"
            for child in items { xml(item, child, into: &out) }
            out += "</\(name)>"
        }
    }

    private static func element(_ name: String, _ text: String?, into out: inout String) {
        if let text, !text.isEmpty { out += "<\(name)>\(text)</\(name)>" } else { out += "<\(name)/>" }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Characters XML 1.0 cannot carry at all.
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: The spec's documents

    static func services(_ services: [Open311Service]) -> Node {
        .list(item: "service", services.map { service in
            .object([
                ("service_code", .text(service.code)), ("service_name", .text(service.name)),
                ("description", .text(service.description)), ("metadata", .bool(service.metadata)),
                ("type", .text(service.type)), ("keywords", .text(service.keywords)), ("group", .text(service.group)),
            ])
        })
    }

    static func definition(code: String, _ attributes: [Open311Attribute]) -> Node {
        .object([
            ("service_code", .text(code)),
            ("attributes", .list(item: "attribute", attributes.map { attribute in
                .object([
                    ("variable", .bool(attribute.variable)), ("code", .text(attribute.code)),
                    ("datatype", .text(attribute.datatype)), ("required", .bool(attribute.required)),
                    ("datatype_description", .text(nil)), ("order", .integer(attribute.order)),
                    ("description", .text(attribute.description)),
                    ("values", .list(item: "value", attribute.values.map {
                        .object([("key", .text($0.key)), ("name", .text($0.name))])
                    })),
                ])
            })),
        ])
    }

    static func receipt(_ receipt: Open311Receipt) -> Node {
        .list(item: "request", [.object([
            ("service_request_id", .text(receipt.requestId)), ("token", .text(receipt.token)),
            ("service_notice", .text(receipt.notice)), ("account_id", .text(nil)),
        ])])
    }

    static func requests(_ requests: [Open311Request]) -> Node {
        .list(item: "request", requests.map { request in
            .object([
                ("service_request_id", .text(request.id)), ("status", .text(request.status)),
                ("status_notes", .text(request.statusNotes)), ("service_name", .text(request.serviceName)),
                ("service_code", .text(request.serviceCode)), ("description", .text(request.description)),
                ("agency_responsible", .text(request.agencyResponsible)), ("service_notice", .text(request.serviceNotice)),
                ("requested_datetime", .text(W3CDate.format(request.requestedAt))),
                ("updated_datetime", .text(W3CDate.format(request.updatedAt))),
                ("expected_datetime", .text(request.expectedAt.map(W3CDate.format))),
                ("address", .text(request.address)), ("address_id", .text(nil)), ("zipcode", .text(nil)),
                ("lat", .number(request.latitude)), ("long", .number(request.longitude)), ("media_url", .text(nil)),
            ])
        })
    }

    static func token(requestId: String, token: String) -> Node {
        .list(item: "request", [.object([("service_request_id", .text(requestId)), ("token", .text(token))])])
    }

    static func updates(_ updates: [Open311Update]) -> Node {
        .list(item: "request_update", updates.map { update in
            .object([
                ("update_id", .text(update.id)), ("service_request_id", .text(update.requestId)),
                ("status", .text(update.status)), ("updated_datetime", .text(W3CDate.format(update.updatedAt))),
                ("description", .text(update.description)), ("media_url", .text(nil)),
            ])
        })
    }

    /// The spec's error array: one entry per problem, `code` the HTTP status.
    func errors(_ list: [(Int, String)], status: HTTPResponse.Status) -> Response {
        response(root: "errors", .list(item: "error", list.map { code, description in
            .object([("code", .integer(code)), ("description", .text(description))])
        }), status: status)
    }
}
