import Foundation

/// A PDF read back with Debian's poppler tools (package poppler-utils, installed by `scripts/test`), so
/// tests check what a reader of the document sees rather than what the generator believes it wrote.
public struct PrintedDocument: Sendable {
    public let pdf: Data

    public init(_ pdf: Data) { self.pdf = pdf }

    public struct ToolFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The document's text in reading order (`pdftotext -layout`).
    public func text() throws -> String {
        try withFile { String(decoding: try Self.run("pdftotext", ["-layout", $0.path, "-"]), as: UTF8.self) }
    }

    /// The number of pages (`pdfinfo`).
    public func pageCount() throws -> Int {
        let info = try withFile { String(decoding: try Self.run("pdfinfo", [$0.path]), as: UTF8.self) }
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    /// Renders the first page as a PNG (`pdftoppm`) into `e2e/screenshots/documents/<name>.png`, to look at,
    /// and returns its bytes.
    @discardableResult
    public func firstPagePNG(named name: String, resolution: Int = 60) throws -> Data {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("e2e/screenshots/documents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = folder.appendingPathComponent(name)
        try withFile { _ = try Self.run("pdftoppm", ["-png", "-singlefile", "-r", String(resolution), $0.path, stem.path]) }
        return try Data(contentsOf: stem.appendingPathExtension("png"))
    }

    private func withFile<T>(_ body: (URL) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fengqiao-test-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let path = "/usr/bin/\(tool)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ToolFailure(description: "\(path) is missing: run scripts/test (it installs poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(description: "\(tool) exited \(process.terminationStatus)")
        }
        return data
    }
}
