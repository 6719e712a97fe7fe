import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Open311 GeoReport v2 under `/open311/v2/`, in `.json` and `.xml`: `services`, `services/{code}`,
/// `requests` (GET, and POST with an `api_key` holding scope `cases.report`), `requests/{id}`,
/// `tokens/{token}` and FixMyStreet's `servicerequestupdates`. Every refusal is the spec's error
/// array with its HTTP status (400 bad input, 403 no or bad `api_key`, 404 unknown); the services
/// (`Open311Endpoint`) decide. Nothing here needs a session or a CSRF token: GET is public, POST
/// is authorised by its key alone.
struct Open311Routes {
    let platform: Platform

    static let root = "/open311/v2"

    func add(to routes: inout RouteTable) {
        let endpoint = Open311Endpoint(platform: platform)
        for format in [Open311Format.json, .xml] {
            let ext = format.rawValue
            routes.get("\(Self.root)/services.\(ext)") { request, _ in
                try await Self.answer(format) {
                    let query = Self.query(request)
                    return format.response(root: "services", Open311Format.services(
                        try await endpoint.services(jurisdiction: query["jurisdiction_id"])))
                }
            }
            routes.get("\(Self.root)/requests.\(ext)") { request, _ in
                try await Self.answer(format) {
                    let query = Self.query(request)
                    let found = try await endpoint.requests(Open311Query(
                        jurisdiction: query["jurisdiction_id"], requestIds: query["service_request_id"],
                        serviceCodes: query["service_code"], status: query["status"], startDate: query["start_date"],
                        endDate: query["end_date"]))
                    return format.response(root: "service_requests", Open311Format.requests(found))
                }
            }
            routes.post("\(Self.root)/requests.\(ext)") { request, context in
                try await Self.answer(format) {
                    let query = Self.query(request)
                    let form = try await request.formFields(context: context)
                    func field(_ name: String) -> String? { form[name] ?? query[name] }
                    var attributes: [String: String] = [:]
                    for attribute in Open311Attribute.standard {
                        attributes[attribute.code] = field("attribute[\(attribute.code)]")
                    }
                    let receipt = try await endpoint.submit(Open311Submission(
                        jurisdiction: field("jurisdiction_id"), serviceCode: field("service_code"),
                        latitude: field("lat"), longitude: field("long"), address: field("address_string"),
                        firstName: field("first_name"), lastName: field("last_name"), phone: field("phone"),
                        description: field("description"), attributes: attributes),
                        apiKey: field("api_key"), ip: context.clientIP)
                    return format.response(root: "service_requests", Open311Format.receipt(receipt), status: .created)
                }
            }
            routes.get("\(Self.root)/servicerequestupdates.\(ext)") { request, _ in
                try await Self.answer(format) {
                    let query = Self.query(request)
                    let updates = try await endpoint.updates(
                        startDate: query["start_date"], endDate: query["end_date"], jurisdiction: query["jurisdiction_id"])
                    return format.response(root: "service_requests_updates", Open311Format.updates(updates))
                }
            }
            routes.get("\(Self.root)/services/{category}.\(ext)") { request, context in
                try await Self.answer(format) {
                    let code = try context.parameters.require("category")
                    let attributes = try await endpoint.definition(code: code, jurisdiction: Self.query(request)["jurisdiction_id"])
                    return format.response(root: "service_definition", Open311Format.definition(code: code, attributes))
                }
            }
            routes.get("\(Self.root)/requests/{number}.\(ext)") { request, context in
                try await Self.answer(format) {
                    let found = try await endpoint.request(id: try context.parameters.require("number"),
                                                           jurisdiction: Self.query(request)["jurisdiction_id"])
                    return format.response(root: "service_requests", Open311Format.requests([found]))
                }
            }
            routes.get("\(Self.root)/tokens/{trackingCode}.\(ext)") { request, context in
                try await Self.answer(format) {
                    let found = try await endpoint.request(token: try context.parameters.require("trackingCode"),
                                                           jurisdiction: Self.query(request)["jurisdiction_id"])
                    return format.response(root: "service_requests",
                                           Open311Format.token(requestId: found.requestId, token: found.token))
                }
            }
        }
    }

    static func query(_ request: Request) -> FormFields { FormFields(request.uri.query ?? "") }

    /// Runs `body`; a refusal becomes the spec's error array.
    static func answer(_ format: Open311Format, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch {
            switch error {
            case DomainError.validation(let fields):
                return format.errors(fields.map { (400, "\($0.field): \($0.message)") }, status: .badRequest)
            case DomainError.unauthenticated(_, let message):
                return format.errors([(403, message)], status: .forbidden)
            default:
                let mapped = ErrorMapping.map(error)
                guard mapped.status.code < 500 else { throw error }
                return format.errors([(mapped.status.code, mapped.detail)], status: mapped.status)
            }
        }
    }
}
