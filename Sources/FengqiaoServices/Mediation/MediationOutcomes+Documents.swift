import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation
import SQLKit

extension MediationOutcomes {
    /// The 人民调解协议书 of mediation `number` (a (partly) successful one) printed by `print`, for whoever
    /// sees the mediation; each download is audited. The data are read first and the audit entry written
    /// after printing, so no transaction waits for the printer.
    public func agreementDocument(number: String, caller: Caller, print: MediationDocumentPrinter) async throws
        -> MediationDocumentDownload
    {
        try caller.staff.require(.viewCases)
        let (document, _) = try await document(number: number, caller: caller)
        let pdf = try await print(.agreement, document)
        try await audit("mediation_agreement.print", number: number, caller: caller,
                        summary: ["document": document.documentNumber, "bytes": pdf.count])
        return MediationDocumentDownload(data: pdf, fileName: "人民调解协议书-\(number).pdf", mediaType: "application/pdf")
    }

    /// The judicial-confirmation package of mediation `number` as a ZIP: 司法确认申请书.pdf,
    /// 人民调解协议书.pdf, the signed copy and 调解数据.json. Only for a signed agreement, and while the
    /// window is open unless the application already went to a court. Audited.
    public func confirmationPackage(number: String, caller: Caller, print: MediationDocumentPrinter) async throws
        -> MediationDocumentDownload
    {
        try caller.staff.require(.viewCases)
        let today = CivilDate(containing: platform.clock.now())
        let (document, signed) = try await document(number: number, caller: caller)
        let agreement = document.agreement
        guard let signedOn = agreement.signedOn.flatMap(CivilDate.init), let signed, let window = agreement.window,
              let type = FileType(rawValue: signed.fileType)
        else {
            throw DomainError.conflict(code: "agreement_unsigned", message: "调解协议尚未上传签署文本,未生效,不能生成司法确认材料")
        }
        if agreement.confirmation == JudicialConfirmationState.notRequested.rawValue, !window.open {
            throw ConfirmationHandOffSubmission.windowClosed(signedOn: signedOn, lastDay: CivilDate(window.lastDay) ?? today)
        }
        let application = try await print(.confirmationApplication, document)
        let agreementPDF = try await print(.agreement, document)
        let copy = try platform.uploads.read(signed.storedName)
        let copyName = "人民调解协议书(签署文本)." + (type.fileExtensions.first ?? "bin")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(ConfirmationPackageData(document, signedCopy: copyName))
        let zip = try ZipArchiveWriter.archive([
            ("司法确认申请书.pdf", application), ("人民调解协议书.pdf", agreementPDF), (copyName, copy), ("调解数据.json", data),
        ])
        try await audit("mediation_confirmation.package", number: number, caller: caller,
                        summary: ["document": document.documentNumber, "court": agreement.court ?? "", "bytes": zip.count])
        return MediationDocumentDownload(data: zip, fileName: "司法确认材料-\(number).zip", mediaType: "application/zip")
    }

    /// The document data of mediation `number`'s agreement, and its signed copy's attachment row.
    func document(number: String, caller: Caller) async throws -> (MediationAgreementDocument, CaseAttachmentRecord?) {
        let staff = caller.staff
        let atlas = try await platform.areaAtlas()
        let calendar = try await platform.businessCalendar()
        let today = CivilDate(containing: platform.clock.now())
        return try await platform.database.read { db in
            let record = try await MediationCases.visible(number, staff: staff, in: db)
            let agreement = try await Self.agreement(of: record, in: db)
            let repository = MediationCaseRepository(db)
            let parties = try await repository.parties(mediationId: record.id ?? 0)
            let organization = try await repository.organizationNames([record.organizationId])[record.organizationId]
            var mediator: String?
            if let id = record.mediatorId { mediator = try await repository.mediatorNames([id])[id] }
            var signed: CaseAttachmentRecord?
            if let id = agreement.signedAttachmentId {
                signed = try await CaseAttachmentRepository(db).find(id: id, caseId: record.caseId)
            }
            let specialty = MediationSpecialty(rawValue: record.specialty)
            let document = MediationAgreementDocument(
                number: record.number,
                documentNumber: MediationNumber(record.number)?.documentNumber ?? record.number,
                caseNumber: record.caseNumber, specialty: record.specialty,
                specialtyName: specialty?.chineseName ?? record.specialty, areaCode: record.areaCode,
                areaName: atlas.node(record.areaCode)?.name, organizationName: organization ?? "",
                mediatorName: mediator,
                parties: parties.map { p in
                    let side = MediationPartySide(rawValue: p.side)
                    let kind = MediationPartyKind(rawValue: p.partyKind)
                    return .init(side: p.side, sideName: side?.chineseName ?? p.side, kind: p.partyKind,
                                 kindName: kind?.chineseName ?? p.partyKind, name: p.name,
                                 isOrganization: kind == .organization)
                },
                agreement: MediationOutcomeView.agreement(agreement, mediationNumber: record.number, today: today,
                                                          calendar: calendar),
                court: agreement.confirmationCourt, printedOn: today.description)
            return (document, signed)
        }
    }

    /// One audit entry for a download.
    func audit(_ action: String, number: String, caller: Caller, summary: [String: any Sendable]) async throws {
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: action, objectType: "mediation_case", objectID: number,
                           summary: AuditEntry.summary(summary)),
                at: nowMs, in: db, kind: kind)
        }
    }
}
