import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Field work sent with an `Idempotency-Key` is done once: the first answer is kept in `command_receipts`
/// (beside the case commands', under the same actor, so one key cannot serve two kinds of work) and a
/// retry — a phone whose outbox sent it again after losing the first answer — gets that answer back.
struct FieldReceipts: Sendable {
    let platform: Platform

    /// Runs `body` in one write transaction unless (`caller`, `key`) was answered before; the answer is kept
    /// with the work. The same key for different work (`fingerprint`) is the field error `key_reused`.
    func once<T: Codable & Sendable>(
        key: String?, fingerprint: String, caller: Caller, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        guard let key = try CaseEngine.checked(key) else { return try await platform.database.write(body) }
        let actor = "account:\(caller.staff.accountID)"
        if let receipt = try await platform.database.read({ try await CaseEngineRepository($0).receipt(actor: actor, key: key) }) {
            return try Self.replay(receipt, fingerprint: fingerprint)
        }
        let nowMs = platform.clock.now().millisecondsSince1970
        do {
            return try await platform.database.write { db in
                let receipts = CaseEngineRepository(db)
                if let receipt = try await receipts.receipt(actor: actor, key: key) {
                    return try Self.replay(receipt, fingerprint: fingerprint)
                }
                let value = try await body(db)
                let response = String(decoding: try CaseEventCodec.encoder.encode(value), as: UTF8.self)
                try await receipts.insertReceipt(actor: actor, key: key, caseId: nil, command: fingerprint,
                                                 response: response, at: nowMs)
                return value
            }
        } catch {
            // Two sends at once with one key (PostgreSQL): the one that lost the race answers with the winner's.
            guard !(error is DomainError),
                  let receipt = try? await platform.database.read({
                      try await CaseEngineRepository($0).receipt(actor: actor, key: key)
                  })
            else { throw error }
            return try Self.replay(receipt, fingerprint: fingerprint)
        }
    }

    static func replay<T: Decodable>(_ receipt: (command: String, response: String), fingerprint: String) throws -> T {
        guard receipt.command == fingerprint else { throw CaseEngine.keyReused }
        return try CaseEventCodec.decoder.decode(T.self, from: Data(receipt.response.utf8))
    }

    /// The fingerprint of work `kind` on `target` with `input`.
    static func fingerprint<I: Encodable>(_ kind: String, _ input: I) throws -> String {
        kind + " " + String(decoding: try CaseEventCodec.encoder.encode(input), as: UTF8.self)
    }
}
