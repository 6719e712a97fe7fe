import ArgumentParser
import FengqiaoServices
import Foundation

extension UserCommand {
    /// `fengqiao user grant`: sets an account's role, area and department (a pending account becomes
    /// active) and ends its sessions.
    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant", abstract: "授予角色、区域和部门,并结束该账号的所有会话 (grant a role)")

        @OptionGroup var options: CommonOptions

        @Option(help: "用户名")
        var username: String

        @OptionGroup var grant: GrantOptions

        func run() async throws {
            try await UserCommand.withAdministration(options) { administration in
                let account = try await administration.account(username: username, by: UserCommand.actor)
                try await administration.grant(accountID: account.id, role: grant.role, areaCode: grant.area,
                                               departmentID: grant.department, by: UserCommand.actor)
                say("已授权 (granted): \(account.username) → \(grant.role) @ \(grant.area)")
            }
        }
    }
}
