import FengqiaoQRCode
import Foundation
import XCTest

/// Reads a ``QRCode`` back with Debian's `zbarimg` (package zbar-tools), an independent decoder, so the
/// tests check what a phone would scan rather than what the encoder believes it wrote.
enum ZBarImage {
    static let executable = "/usr/bin/zbarimg"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The text `zbarimg --raw` decodes from `code` rendered as a PGM, without the trailing newline.
    /// Fails the calling test (never skips it) when zbarimg is not installed.
    static func decode(
        _ code: QRCode, moduleSize: Int = 4, file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            let message = "\(executable) is missing: run scripts/test (it installs zbar-tools) "
                + "or `apt-get install zbar-tools`"
            XCTFail(message, file: file, line: line)
            throw Failure(description: message)
        }

        let image = FileManager.default.temporaryDirectory
            .appendingPathComponent("fengqiao-qr-\(UUID().uuidString).pgm")
        try code.pgm(moduleSize: moduleSize).write(to: image)
        defer { try? FileManager.default.removeItem(at: image) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--raw", "-q", image.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting, so a full pipe cannot stall zbarimg.
        let decoded = output.fileHandleForReading.readDataToEndOfFile()
        let diagnostics = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        guard process.terminationStatus == 0 else {
            let message = "zbarimg exited \(process.terminationStatus) (4 = no symbol found): "
                + String(decoding: diagnostics, as: UTF8.self)
            XCTFail(message, file: file, line: line)
            throw Failure(description: message)
        }
        var text = String(decoding: decoded, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
