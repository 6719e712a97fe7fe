/// One file in a zip's central directory, with sizes and offsets already widened from ZIP64 fields.
struct ZipEntry: Sendable {
    /// Path inside the archive, as stored (normalised for lookup by ``ZipArchiveReader``).
    var path: String
    /// General-purpose flags; bit 0 means encrypted.
    var flags: UInt16
    /// 0 = stored, 8 = deflate.
    var method: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int

    var isEncrypted: Bool { flags & 1 != 0 }
}
