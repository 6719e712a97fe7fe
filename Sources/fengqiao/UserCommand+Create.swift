import ArgumentParser
import FengqiaoServices
import Foundation

extension UserCommand {
    /// `fengqiao user create`: an active account of any role, password on stdin.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "创建账号;密码从标准输入读取一行 (create an account; password on stdin)")

        @OptionGroup var options: CommonOptions

        @Option(help: "用户名 (letters, digits, . _ -)")
        var username: String

        @Option(help: "姓名")
        var name: String

        @OptionGroup var grant: GrantOptions

        func run() async throws {
            let password = try UserCommand.passwordFromStandardInput("create")
            try await UserCommand.withAdministration(options) { administration in
                let id = try await administration.create(
                    .init(username: username, displayName: name, role: grant.role, areaCode: grant.area, departmentID: grant.department,
                          password: password),
                    by: UserCommand.actor)
                say("已创建账号 (account created): \(username) (id \(id))")
            }
        }
    }
}
