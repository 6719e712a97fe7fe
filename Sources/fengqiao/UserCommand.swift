import ArgumentParser
import FengqiaoServices
import Foundation

/// `fengqiao user create`: makes a staff account, e.g. the first system administrator of a new
/// installation. The password is read from standard input, never from the command line.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "账号管理 (staff accounts)", subcommands: [Create.self])

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
            let logger = try options.bootstrapLogging()
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw SettingError(setting: "stdin", reason: "请在标准输入提供密码,例如 `read -s P && printf '%s\\n' \"$P\" | fengqiao user create …`")
            }
            let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: true)
            do {
                let id = try await AccountAdministration(platform: platform).create(
                    .init(username: username, displayName: name, role: role, areaCode: area, departmentID: department,
                          password: password),
                    actor: "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")")
                say("已创建账号 (account created): \(username) (id \(id))")
            } catch {
                await platform.database.close()
                throw error
            }
            await platform.database.close()
        }
    }
}
