import ArgumentParser
import FengqiaoStore

/// `fengqiao migrate`: applies pending schema migrations and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "应用数据库迁移 (apply schema migrations)")

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let logger = try options.bootstrapLogging()
        let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: false)
        do {
            let applied = try await Migrator(database: platform.database, logger: logger).migrate()
            say(applied.isEmpty ? "数据库已是最新 (no pending migrations)" : "已应用迁移 (applied): \(applied.map(String.init).joined(separator: ", "))")
        } catch {
            await platform.database.close()
            throw error
        }
        await platform.database.close()
    }
}
