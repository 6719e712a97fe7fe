import Foundation

/// The rules for photos sent with a public report: at most `limit`, each a JPEG, PNG or WebP judged by
/// its content (a renamed file is refused whatever its name says) and at most `maxBytes`.
public enum ReportPhotos {
    public static let limit = 4
    public static let maxBytes = 5 << 20
    /// The form and multipart field the photos arrive in (repeated once per photo).
    public static let field = "photos"
    public static let rule = UploadRule(field: field, allowed: [.jpeg, .png, .webp], maxBytes: maxBytes)

    /// The type of each photo, or every problem as a field error on `photos` naming the photo by its place.
    public static func check(_ photos: [ReportPhoto]) throws(DomainError) -> [FileType] {
        guard photos.count <= limit else {
            throw .validation([FieldError(field: field, code: "too_many", message: "最多上传\(limit)张照片")])
        }
        var types: [FileType] = []
        var errors: [FieldError] = []
        for (index, photo) in photos.enumerated() {
            do {
                types.append(try rule.check(photo.data))
            } catch {
                let message = error.message
                let code = error.code == "validation_failed" ? fieldCode(error) : error.code
                errors.append(FieldError(field: field, code: code, message: "第\(index + 1)张照片:\(message)"))
            }
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return types
    }

    private static func fieldCode(_ error: DomainError) -> String {
        if case .validation(let fields) = error, let first = fields.first { return first.code }
        return error.code
    }
}
