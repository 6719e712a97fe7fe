import FengqiaoDomain
import FengqiaoStore
import Foundation

extension AccountAdministration {
    /// Sets where notifications reach the account: a mobile number for SMS and an e-mail address, both
    /// sealed with the data key; nil leaves one as it is, an empty value clears it. Audited with the masked
    /// values.
    public func setContact(accountID: Int64, phone: String?, email: String?, by actor: Administrator) async throws {
        try actor.require(.manageAccounts)
        var errors: [FieldError] = []
        let phoneText = phone?.trimmingCharacters(in: .whitespaces) ?? ""
        let emailText = email?.trimmingCharacters(in: .whitespaces) ?? ""
        let parsedPhone = phoneText.isEmpty ? nil : PhoneNumber(phoneText)
        let parsedEmail = emailText.isEmpty ? nil : EmailAddress(emailText)
        if !phoneText.isEmpty, parsedPhone == nil { errors.append(.invalid("phone", label: "手机号")) }
        if !emailText.isEmpty, parsedEmail == nil { errors.append(.invalid("email", label: "电子邮箱")) }
        guard errors.isEmpty else { throw DomainError.validation(errors) }
        let cipher = platform.cipher
        let phoneCipher = try parsedPhone.map { try cipher.seal($0.rawValue) }
        let emailCipher = try parsedEmail.map { try cipher.seal($0.rawValue) }
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            guard let before = try await AccountRepository(db).find(id: accountID), actor.covers(before.areaCode) else {
                throw DomainError.notFound(what: "账号")
            }
            let contacts = ContactRepository(db)
            if phone != nil { try await contacts.setPhone(id: accountID, cipher: phoneCipher) }
            if email != nil { try await contacts.setEmail(id: accountID, cipher: emailCipher) }
            try await AuditTrail.append(
                actor.auditEntry(action: "account.contact", objectType: "account", objectID: accountID,
                                 summary: AuditEntry.summary([
                                     "username": before.username,
                                     "phone": phone == nil ? "(未改)" : parsedPhone?.masked ?? "(清除)",
                                     "email": email == nil ? "(未改)" : parsedEmail?.masked ?? "(清除)",
                                 ])),
                at: nowMs, in: db, kind: kind)
        }
    }
}
