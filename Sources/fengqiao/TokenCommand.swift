import ArgumentParser
import FengqiaoDomain
import FengqiaoServices
import Foundation

/// `fengqiao token create|list|revoke`: API tokens for machines, from the server's command line. `create`
/// prints the token on standard output and nothing else there (so `TOKEN=$(fengqiao token create …)`
/// works); it is shown this once and only its hash is kept. Audited as `cli:$USER`.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API令牌管理 (API tokens for machines)",
        subcommands: [Create.self, List.self, Revoke.self])

    static var actor: Administrator {
        .commandLine("cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")")
    }

    /// Opens the platform, runs `body`, and closes the database whatever happens.
    static func withPlatform(_ options: CommonOptions, _ body: (Platform) async throws -> Void) async throws {
        let logger = try options.bootstrapLogging()
        let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: true)
        do { try await body(platform) } catch {
            await platform.database.close()
            throw error
        }
        await platform.database.close()
    }

    static func note(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "生成令牌,只在标准输出打印一次 (prints the token once on stdout)")

        @OptionGroup var options: CommonOptions

        @Option(help: "名称,如 12345热线导入 (unique among live tokens, ≤ 60 characters)")
        var name: String

        @Option(help: "权限范围,可重复: \(ApiScope.allCases.map(\.rawValue).joined(separator: " | "))")
        var scope: [String] = []

        @Option(help: "区域编码;令牌只能访问该区域及其下级")
        var area: String

        func run() async throws {
            try await TokenCommand.withPlatform(options) { platform in
                let issued = try await ApiTokens(platform: platform).create(
                    name: name, scopes: scope, area: area, by: TokenCommand.actor)
                say(issued.token)
                TokenCommand.note("已生成令牌 (token created): \(issued.name) (id \(issued.id), fq_\(issued.prefix)…);只显示这一次")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出令牌 (list tokens)")

        @OptionGroup var options: CommonOptions

        func run() async throws {
            try await TokenCommand.withPlatform(options) { platform in
                let tokens = try await ApiTokens(platform: platform).list(by: TokenCommand.actor)
                say(["id", "name", "prefix", "scope", "area", "created_by", "created_at", "last_used_at", "revoked_at"]
                    .joined(separator: "\t"))
                let time = { (date: Date?) in date.map { ISO8601DateFormatter().string(from: $0) } ?? "-" }
                for token in tokens {
                    say([String(token.id), token.name, "fq_\(token.prefix)", token.scopes.map(\.rawValue).joined(separator: " "),
                         token.areaCode, token.createdBy, time(token.createdAt), time(token.lastUsedAt), time(token.revokedAt)]
                        .joined(separator: "\t"))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "吊销令牌 (revoke a token by --id or --name)")

        @OptionGroup var options: CommonOptions

        @Option(help: "令牌编号 (token id)")
        var id: Int64?

        @Option(help: "有效令牌的名称 (name of a live token)")
        var name: String?

        func validate() throws {
            guard (id == nil) != (name == nil) else { throw ValidationError("请给出 --id 或 --name 之一 (give --id or --name)") }
        }

        func run() async throws {
            try await TokenCommand.withPlatform(options) { platform in
                let tokens = ApiTokens(platform: platform)
                if let id { try await tokens.revoke(id: id, by: TokenCommand.actor) }
                if let name { try await tokens.revoke(name: name, by: TokenCommand.actor) }
                say("已吊销 (revoked): \(id.map { "id \($0)" } ?? name ?? "")")
            }
        }
    }
}
