import ArgumentParser
import FengqiaoServices
import Foundation

extension UserCommand {
    /// `fengqiao user reset-password`: a new password from stdin; clears a lockout and ends the sessions.
    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "重置密码;新密码从标准输入读取一行,并结束该账号的所有会话 (reset a password; password on stdin)")

        @OptionGroup var options: CommonOptions

        @Option(help: "用户名")
        var username: String

        func run() async throws {
            let password = try UserCommand.passwordFromStandardInput("reset-password")
            try await UserCommand.withAdministration(options) { administration in
                let account = try await administration.account(username: username, by: UserCommand.actor)
                try await administration.resetPassword(accountID: account.id, to: password, by: UserCommand.actor)
                say("已重置密码 (password reset): \(account.username)")
            }
        }
    }
}
