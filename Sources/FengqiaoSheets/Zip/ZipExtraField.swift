/// Reads the ZIP64 "extended information" extra field (id 0x0001) of a central-directory entry.
///
/// Each 32-bit field that holds 0xFFFFFFFF is replaced, in order, by a 64-bit value from the extra field.
enum ZipExtraField {
    private static let zip64Tag: UInt16 = 0x0001

    static func widen(
        uncompressed: UInt32, compressed: UInt32, localOffset: UInt32, extra: ArraySlice<UInt8>
    ) throws(SheetError) -> (uncompressed: Int, compressed: Int, localOffset: Int) {
        var result = (uncompressed: Int(uncompressed), compressed: Int(compressed), localOffset: Int(localOffset))
        guard uncompressed == .max || compressed == .max || localOffset == .max else { return result }
        guard var values = zip64Values(in: LittleEndianBytes(bytes: Array(extra))) else {
            throw ZipArchiveReader.damaged
        }
        if uncompressed == .max { result.uncompressed = try next(&values) }
        if compressed == .max { result.compressed = try next(&values) }
        if localOffset == .max { result.localOffset = try next(&values) }
        return result
    }

    private static func next(_ values: inout [UInt64]) throws(SheetError) -> Int {
        guard !values.isEmpty, let value = Int(exactly: values.removeFirst()) else { throw ZipArchiveReader.damaged }
        return value
    }

    private static func zip64Values(in extra: LittleEndianBytes) -> [UInt64]? {
        var offset = 0
        while let tag = extra.uint16(at: offset), let size = extra.uint16(at: offset + 2).map(Int.init) {
            let body = offset + 4
            guard extra.contains(offset: body, length: size) else { return nil }
            if tag == zip64Tag {
                return stride(from: 0, to: size - 7, by: 8).compactMap { extra.uint64(at: body + $0) }
            }
            offset = body + size
        }
        return nil
    }
}
