import FengqiaoDomain
import Foundation

/// 法律服务预约: a resident books 法律援助, 公证 or 律师咨询 on the portal without an account. The
/// appointment is filed through the report intake as a case on the web channel, kind 民生服务, category
/// the service (法律援助 / 公证服务 / 律师咨询), for the legal services desk to accept; the resident gets
/// the case's tracking code.
public struct LegalAppointments: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public func book(_ appointment: LegalAppointment, idempotencyKey: String?) async throws -> ReportReceipt {
        let today = CivilDate(containing: platform.clock.now())
        var valid: LegalAppointment.Valid?
        var errors: [FieldError] = []
        do { valid = try appointment.validate(today: today) } catch { errors += Self.fields(error) }
        let atlas = try await platform.areaAtlas()
        var path: AreaPath?
        if let raw = appointment.areaCode?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            path = atlas.path(to: raw)
            if let leaf = path?.leaf, leaf.level < .township { path = nil }
            if path == nil, !errors.contains(where: { $0.field == "areaCode" }) {
                errors.append(FieldError(field: "areaCode", code: "unknown", message: "所在地区不存在"))
            }
        }
        guard errors.isEmpty, let valid, let path else { throw DomainError.validation(errors) }
        let isGrid = [.grid, .microGrid].contains(path.leaf.level)
        let submission = ReportSubmission(
            channel: Channel.web.rawValue, kind: CaseKind.livelihood.rawValue, category: valid.service.category,
            description: valid.description,
            // Filed under the area by its names (the intake places an address it recognises).
            address: isGrid ? nil : path.nodes.filter { $0.level >= .township }.map(\.name).joined(),
            gridCode: isGrid ? path.leaf.code : nil, contactName: valid.name, contactPhone: valid.phone.rawValue,
            idempotencyKey: idempotencyKey)
        do {
            return try await ReportIntake(platform: platform).submit(submission)
        } catch DomainError.validation(let fields) {
            let renamed = ["description": "matter", "contactName": "name", "contactPhone": "phone", "gridCode": "areaCode",
                           "address": "areaCode"]
            throw DomainError.validation(fields.map { FieldError(field: renamed[$0.field] ?? $0.field, code: $0.code,
                                                                 message: $0.message) })
        }
    }

    private static func fields(_ error: DomainError) -> [FieldError] {
        if case .validation(let fields) = error { return fields }
        return [FieldError(field: "", code: error.code, message: error.message)]
    }
}
