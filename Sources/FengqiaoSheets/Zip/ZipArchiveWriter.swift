import Foundation
import ZIPFoundation

/// Writes a zip archive in memory with ZIPFoundation: deflated entries, names in UTF-8 (flagged as
/// such, so Chinese file names open correctly in every current unzip tool). XLSX workbooks and the
/// documents handed to courts are written with it.
public enum ZipArchiveWriter {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The archive holding `entries` in order, each under its path.
    public static func archive(_ entries: [(path: String, data: Data)]) throws(Failure) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries {
                let bytes = entry.data
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                    provider: { position, size in
                        let start = Int(position)
                        return bytes.subdata(in: min(start, bytes.count)..<min(start + size, bytes.count))
                    })
            }
            guard let data = archive.data else { throw Failure(description: "压缩失败") }
            return data
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(description: "压缩失败(\(error))")
        }
    }
}
