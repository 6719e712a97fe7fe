import Foundation

/// The append-only file of signed checkpoints (JSON lines), kept outside the database. Several
/// instances may append to it; a line is written with one `write` on a file opened `O_APPEND`, then
/// flushed to disk, so lines never interleave and a checkpoint is durable before a purge relies on it.
public struct AuditCheckpointFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// One line of the file: a checkpoint, or text that is not one.
    public enum Line: Sendable, Equatable {
        case checkpoint(AuditCheckpoint, line: Int)
        case malformed(line: Int)
    }

    /// Appends `checkpoint` as one line, creating the file (mode 0644) when missing.
    public func append(_ checkpoint: AuditCheckpoint) throws(AuditCheckpointFileError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw .notWritable(path) }
        defer { close(fd) }
        let bytes = Array((checkpoint.jsonLine + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else { throw .notWritable(path) }
    }

    /// Every non-empty line in file order; empty when the file does not exist yet.
    public func lines() throws(AuditCheckpointFileError) -> [Line] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else { throw .notReadable(path) }
        var result: [Line] = []
        for (index, text) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated() where !text.trimmingCharacters(in: .whitespaces).isEmpty
        {
            if let checkpoint = AuditCheckpoint(jsonLine: text) {
                result.append(.checkpoint(checkpoint, line: index + 1))
            } else {
                result.append(.malformed(line: index + 1))
            }
        }
        return result
    }

    /// The checkpoint with the highest id, if any.
    public func newest() throws(AuditCheckpointFileError) -> AuditCheckpoint? {
        var newest: AuditCheckpoint?
        for case .checkpoint(let checkpoint, _) in try lines() where checkpoint.id > newest?.id ?? 0 {
            newest = checkpoint
        }
        return newest
    }
}

/// Why the checkpoint file cannot be used (Chinese, one line).
public enum AuditCheckpointFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case notWritable(String)
    case notReadable(String)

    public var description: String {
        switch self {
        case .notWritable(let path): "无法写入审计检查点文件 \(path)"
        case .notReadable(let path): "无法读取审计检查点文件 \(path)"
        }
    }
}
