import ArgumentParser
import FengqiaoServices
import Foundation

extension UserCommand {
    /// `fengqiao user list`: every account (or those matching the filters), one tab-separated line each.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出账号:用户名 姓名 角色 区域 状态 (list accounts, tab-separated)")

        @OptionGroup var options: CommonOptions

        @Option(help: "角色 (可选)")
        var role: String?

        @Option(help: "状态 active|pending|disabled (可选)")
        var status: String?

        @Option(help: "区域编码:只列出该区域及其下级的账号 (可选)")
        var area: String?

        @Option(help: "用户名或姓名的开头 (可选)")
        var name: String?

        func run() async throws {
            try await UserCommand.withAdministration(options) { administration in
                let filter = AccountFilter(areaCode: area, role: role, status: status, namePrefix: name)
                var cursor: String?
                repeat {
                    let page = try await administration.accounts(filter, cursor: cursor, limit: 500, by: UserCommand.actor)
                    for account in page.accounts {
                        say([account.username, account.displayName, account.role, account.areaCode, account.status.rawValue]
                            .joined(separator: "\t"))
                    }
                    cursor = page.next
                } while cursor != nil
            }
        }
    }
}
