import Foundation

/// A read-only view of a zip held in memory, parsed with bounds checks on every offset.
///
/// ZIPFoundation's `Archive(data:accessMode:)` is not used for reading because hostile offsets make it read
/// outside its in-memory buffer (a trap on Linux) and a truncated deflate stream makes its Linux inflater loop
/// forever. This type walks the central directory itself and hands ZIPFoundation's `Data.decompress` only
/// byte ranges it has checked (see ``ZipEntryInflater``).
struct ZipArchiveReader {
    private static let endOfCentralDirectorySignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let centralEntrySignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    /// No real workbook has more parts; a bigger count is a hostile directory.
    static let maxEntries = 10_000

    /// Where the central directory starts and how many entries it has.
    typealias DirectoryLocation = (offset: Int, count: Int)

    let bytes: LittleEndianBytes
    let entries: [ZipEntry]
    private let entriesByPath: [String: Int]

    init(data: Data) throws(SheetError) {
        bytes = LittleEndianBytes(bytes: [UInt8](data))
        let directory = try Self.locateCentralDirectory(in: bytes)
        entries = try Self.readCentralDirectory(in: bytes, at: directory.offset, count: directory.count)
        var byPath: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where byPath[Self.lookupKey(entry.path)] == nil {
            byPath[Self.lookupKey(entry.path)] = index
        }
        entriesByPath = byPath
    }

    /// The entry at a part path, compared case-insensitively and ignoring a leading "/" (OPC part names are
    /// case-insensitive; some tools write backslashes).
    func entry(at path: String) -> ZipEntry? {
        entriesByPath[Self.lookupKey(path)].flatMap { entries.indices.contains($0) ? entries[$0] : nil }
    }

    /// Offset of the entry's data, after checking its local header.
    func dataOffset(of entry: ZipEntry) throws(SheetError) -> Int {
        let header = entry.localHeaderOffset
        guard bytes.uint32(at: header) == Self.localHeaderSignature,
            let nameLength = bytes.uint16(at: header + 26),
            let extraLength = bytes.uint16(at: header + 28)
        else { throw Self.damaged }
        let start = header + 30 + Int(nameLength) + Int(extraLength)
        guard bytes.contains(offset: start, length: entry.compressedSize) else { throw Self.damaged }
        return start
    }

    static var damaged: SheetError {
        .malformedXLSX(reason: "文件不是有效的 zip 压缩包，可能已损坏或未完整上传")
    }

    private static func lookupKey(_ path: String) -> String {
        var key = path.replacingOccurrences(of: "\\", with: "/").lowercased()
        while key.hasPrefix("/") { key.removeFirst() }
        return key
    }

    // MARK: - End of central directory

    private static func locateCentralDirectory(
        in bytes: LittleEndianBytes
    ) throws(SheetError) -> DirectoryLocation {
        let recordSize = 22
        guard bytes.count >= recordSize else { throw damaged }
        let lowest = max(0, bytes.count - recordSize - Int(UInt16.max))
        var candidate = bytes.count - recordSize
        while candidate >= lowest {
            if bytes.uint32(at: candidate) == endOfCentralDirectorySignature,
                let commentLength = bytes.uint16(at: candidate + 20),
                bytes.contains(offset: candidate + recordSize, length: Int(commentLength))
            {
                return try readEndRecord(in: bytes, at: candidate)
            }
            candidate -= 1
        }
        throw damaged
    }

    private static func readEndRecord(
        in bytes: LittleEndianBytes, at offset: Int
    ) throws(SheetError) -> DirectoryLocation {
        guard let disk = bytes.uint16(at: offset + 4), let count = bytes.uint16(at: offset + 10),
            let size = bytes.uint32(at: offset + 12), let start = bytes.uint32(at: offset + 16)
        else { throw damaged }
        if count == .max || size == .max || start == .max {
            return try readZip64EndRecord(in: bytes, endRecordOffset: offset)
        }
        guard disk == 0 else { throw damaged }
        return try checked(offset: Int(start), size: Int(size), count: Int(count), before: offset, in: bytes)
    }

    private static func readZip64EndRecord(
        in bytes: LittleEndianBytes, endRecordOffset: Int
    ) throws(SheetError) -> DirectoryLocation {
        let locator = endRecordOffset - 20
        guard bytes.uint32(at: locator) == zip64LocatorSignature,
            let recordOffset = bytes.uint64(at: locator + 8).flatMap({ Int(exactly: $0) }),
            bytes.uint32(at: recordOffset) == zip64EndSignature,
            let count = bytes.uint64(at: recordOffset + 32).flatMap({ Int(exactly: $0) }),
            let size = bytes.uint64(at: recordOffset + 40).flatMap({ Int(exactly: $0) }),
            let start = bytes.uint64(at: recordOffset + 48).flatMap({ Int(exactly: $0) })
        else { throw damaged }
        return try checked(offset: start, size: size, count: count, before: recordOffset, in: bytes)
    }

    private static func checked(
        offset: Int, size: Int, count: Int, before limit: Int, in bytes: LittleEndianBytes
    ) throws(SheetError) -> DirectoryLocation {
        guard count <= maxEntries else { throw .malformedXLSX(reason: "压缩包内文件数量异常") }
        guard bytes.contains(offset: offset, length: size), offset + size <= limit else { throw damaged }
        return (offset, count)
    }

    // MARK: - Central directory

    private static func readCentralDirectory(
        in bytes: LittleEndianBytes, at start: Int, count: Int
    ) throws(SheetError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var offset = start
        for _ in 0..<count {
            guard bytes.uint32(at: offset) == centralEntrySignature,
                let flags = bytes.uint16(at: offset + 8), let method = bytes.uint16(at: offset + 10),
                let crc = bytes.uint32(at: offset + 16),
                let compressed = bytes.uint32(at: offset + 20), let uncompressed = bytes.uint32(at: offset + 24),
                let nameLength = bytes.uint16(at: offset + 28).map(Int.init),
                let extraLength = bytes.uint16(at: offset + 30).map(Int.init),
                let commentLength = bytes.uint16(at: offset + 32).map(Int.init),
                let localOffset = bytes.uint32(at: offset + 42),
                let name = bytes.slice(at: offset + 46, length: nameLength),
                let extra = bytes.slice(at: offset + 46 + nameLength, length: extraLength)
            else { throw damaged }
            let sizes = try ZipExtraField.widen(
                uncompressed: uncompressed, compressed: compressed, localOffset: localOffset, extra: extra)
            entries.append(
                ZipEntry(
                    path: String(decoding: name, as: UTF8.self), flags: flags, method: method, crc32: crc,
                    compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed,
                    localHeaderOffset: sizes.localOffset))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }
}
