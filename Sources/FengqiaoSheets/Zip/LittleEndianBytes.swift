/// Bounds-checked little-endian reads from a byte array: every read returns nil instead of trapping when the
/// (possibly hostile) offsets point outside the bytes.
struct LittleEndianBytes {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    func uint16(at offset: Int) -> UInt16? {
        value(at: offset, width: 2).map { UInt16(truncatingIfNeeded: $0) }
    }

    func uint32(at offset: Int) -> UInt32? {
        value(at: offset, width: 4).map { UInt32(truncatingIfNeeded: $0) }
    }

    func uint64(at offset: Int) -> UInt64? {
        value(at: offset, width: 8)
    }

    /// The bytes in `offset ..< offset + length`, or nil when any of them is outside.
    func slice(at offset: Int, length: Int) -> ArraySlice<UInt8>? {
        guard contains(offset: offset, length: length) else { return nil }
        return bytes[offset..<(offset + length)]
    }

    /// Whether `offset ..< offset + length` lies inside the bytes, without overflowing.
    func contains(offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count && length <= bytes.count - offset
    }

    private func value(at offset: Int, width: Int) -> UInt64? {
        guard contains(offset: offset, length: width) else { return nil }
        var result: UInt64 = 0
        for index in (0..<width).reversed() {
            result = result << 8 | UInt64(bytes[offset + index])
        }
        return result
    }
}
