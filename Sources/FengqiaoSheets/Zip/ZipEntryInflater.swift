import Foundation
import ZIPFoundation

/// Extracts entries of a ``ZipArchiveReader`` under a shared budget of uncompressed bytes (the zip-bomb guard).
///
/// Deflate goes through ZIPFoundation's public `Data.decompress`, fed by a provider that always returns
/// exactly the number of bytes asked for (zero-padded past the entry's end, since the Linux inflater hands zlib
/// a full buffer regardless of the chunk it got) and fails once it is asked for more than one chunk past the
/// end (the Linux inflater would otherwise loop forever on a truncated stream). The consumer stops as soon as
/// the budget is spent, so a bomb costs at most the budget in memory. The CRC is checked.
struct ZipEntryInflater {
    private static let chunkSize = 64 * 1024
    private let archive: ZipArchiveReader
    private let limit: Int
    /// Bytes still allowed to be decompressed across all entries.
    private(set) var remainingBudget: Int

    init(archive: ZipArchiveReader, maxUncompressedBytes: Int) {
        self.archive = archive
        self.limit = maxUncompressedBytes
        self.remainingBudget = maxUncompressedBytes
    }

    /// The entry's uncompressed bytes.
    mutating func contents(of entry: ZipEntry) throws(SheetError) -> Data {
        guard !entry.isEncrypted else { throw .encrypted }
        guard entry.uncompressedSize <= remainingBudget else { throw .tooLarge(.uncompressedBytes(limit)) }
        let start = try archive.dataOffset(of: entry)
        let output: Data
        switch entry.method {
        case 0:
            guard let stored = archive.bytes.slice(at: start, length: entry.compressedSize) else {
                throw ZipArchiveReader.damaged
            }
            guard stored.count <= remainingBudget else { throw .tooLarge(.uncompressedBytes(limit)) }
            output = Data(stored)
            try verify(output.crc32(checksum: 0), entry)
        case 8:
            output = try inflate(entry, from: start)
        default:
            throw .malformedXLSX(reason: "不支持的压缩方式（\(entry.method)）")
        }
        remainingBudget -= output.count
        return output
    }

    private func inflate(_ entry: ZipEntry, from start: Int) throws(SheetError) -> Data {
        let bytes = archive.bytes
        let compressedSize = entry.compressedSize
        let budget = remainingBudget
        var output = Data()
        let checksum: CRC32
        do {
            checksum = try Data.decompress(
                size: Int64(compressedSize), bufferSize: Self.chunkSize, skipCRC32: false,
                provider: { position, size in
                    guard size >= 0, size <= Self.chunkSize, position >= 0,
                        let offset = Int(exactly: position), offset <= compressedSize
                    else { throw InflateStop.runaway }
                    let available = min(size, compressedSize - offset)
                    var chunk = Data(bytes.slice(at: start + offset, length: available) ?? [])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: { piece in
                    guard piece.count <= budget - output.count else { throw InflateStop.overBudget }
                    output.append(piece)
                })
        } catch InflateStop.overBudget {
            throw .tooLarge(.uncompressedBytes(limit))
        } catch {
            throw .malformedXLSX(reason: "“\(entry.path)”解压失败，文件可能已损坏")
        }
        try verify(checksum, entry)
        return output
    }

    private func verify(_ checksum: CRC32, _ entry: ZipEntry) throws(SheetError) {
        guard checksum == entry.crc32 else {
            throw .malformedXLSX(reason: "“\(entry.path)”校验失败，文件可能已损坏")
        }
    }

    private enum InflateStop: Error {
        case overBudget
        case runaway
    }
}
