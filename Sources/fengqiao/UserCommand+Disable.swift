import ArgumentParser
import FengqiaoServices
import Foundation

extension UserCommand {
    /// `fengqiao user disable`: the account can no longer sign in; its sessions end at once.
    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "停用账号并结束其所有会话 (disable an account)")

        @OptionGroup var options: CommonOptions

        @Option(help: "用户名")
        var username: String

        func run() async throws {
            try await UserCommand.withAdministration(options) { administration in
                let account = try await administration.account(username: username, by: UserCommand.actor)
                try await administration.disable(accountID: account.id, by: UserCommand.actor)
                say("已停用账号 (account disabled): \(account.username)")
            }
        }
    }
}
