import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The data-encryption key file: 32 random bytes, base64 on one line, mode 0600.
public enum KeyFile {
    public static let defaultPath = "./data/fengqiao.key"

    /// Reads the key, or creates it (mode 0600) when the file does not exist.
    /// Returns the key material and whether it was created now.
    public static func loadOrCreate(at path: String) throws(KeyFileError) -> (key: Data, created: Bool) {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            return (try load(at: path), false)
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !fm.fileExists(atPath: directory) {
            throw .missingDirectory(directory)
        }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        // Two instances starting at once on one data directory: the first file wins, the other reads it.
        guard try createExclusively(at: path, contents: Data((key.base64EncodedString() + "\n").utf8), mode: 0o600) else {
            return (try load(at: path), false)
        }
        return (key, true)
    }

    /// Writes `contents` to a new file at `path` with `mode`, complete or not at all: written beside it under
    /// a temporary name, then hard-linked into place, which fails when `path` exists. Returns false when
    /// another process created `path` first (its file is left as it is).
    public static func createExclusively(at path: String, contents: Data, mode: Int) throws(KeyFileError) -> Bool {
        let temporary = path + ".\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: contents, attributes: [.posixPermissions: mode]) else {
            throw .notWritable(path)
        }
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw .notWritable(path)
        }
        return true
    }

    public static func load(at path: String) throws(KeyFileError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw .notReadable(path) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let key = Data(base64Encoded: text) else { throw .notBase64 }
        guard key.count == 32 else { throw .wrongLength(key.count) }
        return key
    }
}

/// Why a key file cannot be used (messages in Chinese, one line).
public enum KeyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingDirectory(String)
    case notWritable(String)
    case notReadable(String)
    case notBase64
    case wrongLength(Int)

    public var description: String {
        switch self {
        case .missingDirectory(let d): "目录 \(d) 不存在"
        case .notWritable(let p): "无法创建 \(p)"
        case .notReadable(let p): "无法读取 \(p)"
        case .notBase64: "内容不是 base64 编码的密钥"
        case .wrongLength(let n): "密钥应为 32 字节,实际为 \(n) 字节"
        }
    }
}
