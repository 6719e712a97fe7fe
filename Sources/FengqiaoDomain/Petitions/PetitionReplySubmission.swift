import Foundation

/// The written reply to a petition (答复意见书): the handling opinion and how it reaches the petitioner.
public struct PetitionReplySubmission: Sendable, Codable, Equatable {
    public var reply: String?
    public var channel: String?

    public init(reply: String? = nil, channel: String? = nil) {
        self.reply = reply
        self.channel = channel
    }

    public static let replyLimit = 2000

    public func validate() throws(DomainError) -> (reply: String, channel: ContactChannel) {
        var errors: [FieldError] = []
        let reply = InputRules.required(self.reply, field: "reply", label: "答复意见", max: Self.replyLimit, errors: &errors)
        let channel = PetitionChoice.contactChannel(self.channel, field: "channel", label: "送达方式", errors: &errors)
        guard errors.isEmpty, let reply, let channel else { throw .validation(errors) }
        return (reply, channel)
    }
}
