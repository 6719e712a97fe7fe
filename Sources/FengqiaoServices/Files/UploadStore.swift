@preconcurrency import Crypto
import FengqiaoDomain
import Foundation

/// Keeps uploaded files (photos, scanned letters) outside the web root: each under a random
/// 128-bit name in a two-level fan-out (`ab/abcdef…`), mode 0600, never under the name the client sent,
/// so no upload can be reached by guessing, overwrite another, or be served as something else.
public struct UploadStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Checks `data` against `rule` (type by content, size) and stores it.
    public func store(_ data: Data, rule: UploadRule) throws -> StoredUpload {
        let type = try rule.check(data)
        let name = Self.randomName()
        let url = try location(of: name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try data.write(to: url, options: .withoutOverwriting)  // the directory is 0700, so the brief default mode is private
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return StoredUpload(name: name, type: type.rawValue, size: data.count, sha256: digest)
    }

    /// The bytes stored under `name`; a name that is not one this store makes is "not found".
    public func read(_ name: String) throws -> Data {
        let url = try location(of: name)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw DomainError.notFound(what: "附件") }
        return data
    }

    /// Deletes the file stored under `name` (a file whose record could not be written); a missing one is no error.
    public func remove(_ name: String) {
        guard let url = try? location(of: name) else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// Where `name` lives; only 32 lowercase hex digits are names, so no path can be smuggled in.
    func location(of name: String) throws(DomainError) -> URL {
        guard name.utf8.count == 32, name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw .notFound(what: "附件") }
        return directory.appendingPathComponent(String(name.prefix(2)), isDirectory: true).appendingPathComponent(name)
    }

    static func randomName() -> String {
        SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
    }
}
