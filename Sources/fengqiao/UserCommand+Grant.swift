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

        @Option(help: "角色,如 leader,或中文名 领导")
        var role: String

        @Option(help: "所属区域编码 (12/15/18 位);账号管辖该区域及其下级")
        var area: String

        @Option(help: "所属部门编号 (可选;须属于该区域或其上级区域)")
        var department: Int64?

        func run() async throws {
            try await UserCommand.withAdministration(options) { administration in
                let account = try await administration.account(username: username, by: UserCommand.actor)
                try await administration.grant(accountID: account.id, role: role, areaCode: area,
                                               departmentID: department, by: UserCommand.actor)
                say("已授权 (granted): \(account.username) → \(role) @ \(area)")
            }
        }
    }
}
