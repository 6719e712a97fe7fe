import Hummingbird

extension Request {
    /// The body as URL-encoded form fields, read up to the context's upload limit.
    func formFields(context: AppRequestContext) async throws -> FormFields {
        var request = self
        return FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
    }
}
