import FengqiaoDomain
import FengqiaoStore

extension PersonRecord {
    /// The stored form of a validated resident: identifiers sealed, indexed and masked.
    init(sealing resident: ValidatedResident, with cipher: PersonalDataCipher, at createdAt: Int64, id: Int64? = nil) throws {
        self.init(
            id: id, name: resident.name, gender: resident.gender, birthYear: resident.birthYear,
            idNumberCipher: try cipher.seal(resident.idNumber.rawValue),
            idNumberIndex: cipher.blindIndex(resident.idNumber.rawValue), idNumberMasked: resident.idNumber.masked,
            phoneCipher: try resident.phone.map { try cipher.seal($0.rawValue) }, phoneMasked: resident.phone?.masked,
            gridCode: resident.gridCode.rawValue, address: resident.address, tags: resident.storedTags,
            createdAt: createdAt, relation: resident.relation?.rawValue)
    }
}
