import ArgumentParser
import FengqiaoDomain
import Foundation

/// `fengqiao`: one executable for the server and its tools.
@main
struct Fengqiao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fengqiao",
        abstract: "枫桥 · 基层社会治理平台 (Fengqiao grassroots social-governance platform)",
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, MapCommand.self, UserCommand.self,
                      TokenCommand.self, AuditCommand.self, RiskQualityCommand.self, AssessCommand.self],
        defaultSubcommand: ServeCommand.self
    )

    /// Runs the command; a bad setting ends the process with one line naming it and exit code 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as SettingError {
            FileHandle.standardError.write(Data("fengqiao: \(error)\n".utf8))
            Foundation.exit(2)
        } catch let error as DomainError {
            FileHandle.standardError.write(Data("fengqiao: \(error.message)\n".utf8))
            if case .validation(let fields) = error, fields.count > 1 {
                for field in fields { FileHandle.standardError.write(Data("  \(field.field): \(field.message)\n".utf8)) }
            }
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
