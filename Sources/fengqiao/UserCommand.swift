import ArgumentParser
import FengqiaoServices
import Foundation

/// `fengqiao user create|disable|enable|reset-password|grant|list`: the account lifecycle from the
/// server's command line, e.g. the first system administrator of a new installation. The command line
/// acts as `cli:$USER`, the root of trust on the machine: it is bounded by no role or jurisdiction, and
/// every change it makes is audited under that name. Passwords are read from standard input, never
/// from the command line.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "账号管理 (staff accounts)",
        subcommands: [Create.self, Disable.self, Enable.self, ResetPassword.self, Grant.self, List.self, Contact.self])

    /// Who the audit log records: the operating-system user running the command.
    static var actor: Administrator { .commandLine(user: ProcessInfo.processInfo.environment["USER"] ?? "unknown") }

    /// Opens the platform, runs `body` with the account service, and closes the database either way.
    static func withAdministration(
        _ options: CommonOptions, _ body: (AccountAdministration) async throws -> Void
    ) async throws {
        let logger = try options.bootstrapLogging()
        let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: true)
        do {
            try await body(AccountAdministration(platform: platform))
        } catch {
            await platform.database.close()
            throw error
        }
        await platform.database.close()
    }

    /// One line of standard input: the password, so that it appears in no process list or shell history.
    static func passwordFromStandardInput(_ command: String) throws -> String {
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw SettingError(setting: "stdin", reason: "请在标准输入提供密码,例如 `read -s P && printf '%s\\n' \"$P\" | fengqiao user \(command) …`")
        }
        return password
    }
}
