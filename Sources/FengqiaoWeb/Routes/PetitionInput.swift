import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Petition submissions read from URL-encoded forms (the pages) and the list's query.
enum PetitionInput {
    static func registration(_ form: FormFields) -> PetitionSubmission {
        var petitioners: [PetitionSubmission.Petitioner] = []
        for index in 0..<PetitionSubmission.maximumPetitioners {
            let row = PetitionSubmission.Petitioner(
                name: form["petitioners[\(index)].name"], idNumber: form["petitioners[\(index)].idNumber"],
                phone: form["petitioners[\(index)].phone"])
            guard row.name != nil || row.idNumber != nil || row.phone != nil else { continue }
            petitioners.append(row)
        }
        return PetitionSubmission(
            form: form["form"], receivedAt: form["receivedAt"], persons: form["persons"], petitioners: petitioners,
            description: form["description"], category: form["category"], gridCode: form["gridCode"],
            address: form["address"], respondentOrgan: form["respondentOrgan"], firstResponder: form["firstResponder"])
    }

    static func filter(_ request: Request) -> PetitionFilter {
        let query = request.uri.queryParameters
        func flag(_ name: String) -> Bool { query[Substring(name)].map { ["1", "true", "on", "yes"].contains(String($0)) } ?? false }
        return PetitionFilter(
            form: query["form"].map(String.init), state: query["state"].map(String.init), overdue: flag("overdue"),
            collective: flag("collective"), repeated: flag("repeat"), area: query["area"].map(String.init),
            cursor: query["cursor"].map(String.init), limit: query["limit"].flatMap { Int(String($0)) } ?? 50)
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该信访事项") }
        return id
    }

    static func document(_ context: AppRequestContext) throws -> PetitionDocumentKind {
        let raw = try context.parameters.require("document")
        guard let kind = PetitionDocumentKind(rawValue: raw.hasSuffix(".pdf") ? String(raw.dropLast(4)) : raw) else {
            throw DomainError.notFound(what: "该文书")
        }
        return kind
    }
}
