import ArgumentParser
import FengqiaoServices
import Foundation

extension UserCommand {
    /// `fengqiao user enable`: a disabled account may sign in again.
    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "启用已停用的账号 (enable an account)")

        @OptionGroup var options: CommonOptions

        @Option(help: "用户名")
        var username: String

        func run() async throws {
            try await UserCommand.withAdministration(options) { administration in
                let account = try await administration.account(username: username, by: UserCommand.actor)
                try await administration.enable(accountID: account.id, by: UserCommand.actor)
                say("已启用账号 (account enabled): \(account.username)")
            }
        }
    }
}
