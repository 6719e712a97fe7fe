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

        @Option(help: "角色,如 systemAdmin、leader,或中文名 系统管理员")
        var role: String

        @Option(help: "所属区域编码 (12/15/18 位);账号管辖该区域及其下级")
        var area: String

        @Option(help: "所属部门编号 (可选)")
        var department: Int64?

        func run() async throws {
            let password = try UserCommand.passwordFromStandardInput("create")
            try await UserCommand.withAdministration(options) { administration in
                let id = try await administration.create(
                    .init(username: username, displayName: name, role: role, areaCode: area, departmentID: department,
                          password: password),
                    by: UserCommand.actor)
                say("已创建账号 (account created): \(username) (id \(id))")
            }
        }
    }
}
