import Foundation
import Subprocess
import SystemPackage

/// Prints with headless Chromium (`--print-to-pdf`), which lays out Chinese text with the system's
/// Noto CJK fonts exactly as the browser pages do. Each document is written to its own temporary
/// folder with its own browser profile, printed, read back and removed. The browser may not reach
/// the network (every host name resolves to nothing), so a document shows only what it carries.
public struct ChromiumPDFPrinter: PDFPrinter {
    /// The browser to run: a path, or nil for `chromium` (then `chromium-browser`) on the PATH.
    public let executable: String?
    /// How long one document may take before the browser is stopped.
    public let timeLimit: Duration
    private let queue: PrintQueue

    public init(executable: String? = nil, timeLimit: Duration = .seconds(60), concurrentDocuments: Int = 2) {
        self.executable = executable.flatMap { $0.isEmpty ? nil : $0 }
        self.timeLimit = timeLimit
        self.queue = PrintQueue(width: concurrentDocuments)
    }

    public func pdf(html: String) async throws -> Data {
        try await queue.run { try await printAlone(html: html) }
    }

    private func printAlone(html: String) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("fengqiao-print-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("document.html")
        let output = folder.appendingPathComponent("document.pdf")
        try Data(html.utf8).write(to: page)

        let browser = try resolvedExecutable()
        let arguments = Self.arguments(page: page, output: output, profile: folder.appendingPathComponent("profile"))
        let status = try await withThrowingTaskGroup(of: TerminationStatus?.self) { group in
            group.addTask {
                try await run(browser, arguments: Arguments(arguments), output: .discarded, error: .discarded)
                    .terminationStatus
            }
            group.addTask {
                try await Task.sleep(for: timeLimit)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let status else {
            throw PrintingError.printFailed("浏览器在 \(timeLimit) 内未完成打印")
        }
        guard status.isSuccess, let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF-".utf8)) else {
            throw PrintingError.printFailed("浏览器打印失败(\(status))")
        }
        return pdf
    }

    private func resolvedExecutable() throws -> Executable {
        if let executable {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw PrintingError.printerMissing("FENGQIAO_CHROMIUM=\(executable) 不是可执行文件")
            }
            return .path(FilePath(executable))
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return .path(FilePath(candidate)) }
            }
        }
        throw PrintingError.printerMissing("找不到 chromium:请安装 Debian 的 chromium 软件包,或用 FENGQIAO_CHROMIUM 指明路径")
    }

    static func arguments(page: URL, output: URL, profile: URL) -> [String] {
        var arguments = [
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-sync", "--disable-background-networking", "--disable-component-update", "--mute-audio",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer",
            "--user-data-dir=\(profile.path)", "--print-to-pdf=\(output.path)",
        ]
        // Chromium refuses to start its sandbox as root (containers, CI); elsewhere it keeps it.
        if getuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(page.absoluteString)
        return arguments
    }
}
