import ArgumentParser
import FengqiaoServices
import Foundation

extension UserCommand {
    /// `fengqiao user contact`: where notifications reach the account (SMS and e-mail).
    struct Contact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contact", abstract: "设置账号接收通知的手机号和电子邮箱 (set an account's phone and e-mail)")

        @OptionGroup var options: CommonOptions

        @Option(help: "用户名")
        var username: String

        @Option(help: "手机号,用于短信通知;空字符串清除")
        var phone: String?

        @Option(help: "电子邮箱,用于邮件通知;空字符串清除")
        var email: String?

        func run() async throws {
            try await UserCommand.withAdministration(options) { administration in
                let account = try await administration.account(username: username, by: UserCommand.actor)
                try await administration.setContact(accountID: account.id, phone: phone, email: email, by: UserCommand.actor)
                say("已设置通知联系方式 (contact set): \(account.username)")
            }
        }
    }
}
